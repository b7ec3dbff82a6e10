using System.Reflection;
using AiPolicyBot.Functions;
using Microsoft.Azure.Functions.Worker;

namespace AiPolicyBot.Hosting.Tests;

/// <summary>In Azure the admin routes rely on function keys, so their triggers must not be anonymous.</summary>
public class FunctionsAuthTests
{
    [Theory]
    [InlineData(nameof(HttpFunctions.PolicyEvaluate), "policy/evaluate", "post")]
    [InlineData(nameof(HttpFunctions.RegisterSearch), "register/search", "get")]
    public void Admin_triggers_use_function_keys(string method, string route, string verb)
    {
        var trigger = typeof(HttpFunctions).GetMethod(method)!.GetParameters()
            .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).Single(a => a is not null)!;
        Assert.Equal(AuthorizationLevel.Function, trigger.AuthLevel);
        Assert.Equal(route, trigger.Route);
        Assert.Equal([verb], trigger.Methods ?? []);
    }
}
