using System.Globalization;
using Microsoft.Azure.Functions.Worker;

namespace AiPolicyBot.Functions;

/// <summary>The queue trigger's metadata the jobs use.</summary>
internal static class QueueDelivery
{
    /// <summary>Which delivery of the message this is (1 the first time); 0 when the host did not say.</summary>
    public static long DequeueCount(FunctionContext context) =>
        context.BindingContext.BindingData.TryGetValue("DequeueCount", out var value)
        && long.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)
            ? count
            : 0;
}
