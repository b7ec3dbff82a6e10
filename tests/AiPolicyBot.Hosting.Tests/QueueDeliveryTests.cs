using AiPolicyBot.Functions;
using Microsoft.Azure.Functions.Worker;
using Moq;

namespace AiPolicyBot.Hosting.Tests;

/// <summary>The request-events trigger tells its job which delivery this is, from the trigger's binding data.</summary>
public sealed class QueueDeliveryTests
{
    private static FunctionContext Context(Dictionary<string, object?> data)
    {
        var binding = new Mock<BindingContext>();
        binding.SetupGet(b => b.BindingData).Returns(data);
        return Mock.Of<FunctionContext>(c => c.BindingContext == binding.Object);
    }

    [Theory]
    [InlineData("DequeueCount", "1", 1)]
    [InlineData("dequeueCount", "3", 3)]
    [InlineData("DequeueCount", 2L, 2)]
    public void The_dequeue_count_is_read_whatever_its_key_case_or_type(string key, object value, long expected) =>
        Assert.Equal(expected, QueueDelivery.DequeueCount(Context(new() { [key] = value })));

    [Fact]
    public void Without_a_readable_count_the_delivery_counts_as_a_redelivery()
    {
        Assert.Equal(0, QueueDelivery.DequeueCount(Context([])));
        Assert.Equal(0, QueueDelivery.DequeueCount(Context(new() { ["DequeueCount"] = "many" })));
        Assert.Equal(0, QueueDelivery.DequeueCount(Context(new() { ["DequeueCount"] = null })));
    }
}
