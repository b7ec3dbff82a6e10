using System.Globalization;
using Microsoft.Azure.Functions.Worker;

namespace AiPolicyBot.Functions;

/// <summary>The queue trigger's metadata the jobs use.</summary>
public static class QueueDelivery
{
    /// <summary>
    /// Which delivery of the message this is (1 the first time), from the trigger's binding data (a string in the
    /// isolated worker, whatever its key's case); 0 when the host did not say, which a job treats as a redelivery.
    /// </summary>
    public static long DequeueCount(FunctionContext context)
    {
        foreach (var (key, value) in context.BindingContext.BindingData)
        {
            if (string.Equals(key, "DequeueCount", StringComparison.OrdinalIgnoreCase)
                && long.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
                return count;
        }
        return 0;
    }
}
