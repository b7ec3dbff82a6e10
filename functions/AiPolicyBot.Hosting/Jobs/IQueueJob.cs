namespace AiPolicyBot.Hosting.Jobs;

/// <summary>
/// Work triggered by a Storage queue message. The Functions app adapts it with a one-line [QueueTrigger] function;
/// the local host runs it with a QueuePump. Both give the same semantics (host.json <c>extensions.queues</c>):
/// Base64 messages, a failure makes the message visible again after the visibility timeout, and after
/// <c>maxDequeueCount</c> (5) failed attempts it moves to "&lt;queue&gt;-poison". Handlers must therefore be idempotent.
/// </summary>
public interface IQueueJob
{
    /// <summary>Lower-case letters, digits and hyphens (Storage queue naming), e.g. "mail-outbox".</summary>
    string QueueName { get; }

    /// <summary>Handles one decoded message. Throwing means "failed: retry"; returning means "done: delete".</summary>
    Task HandleAsync(string message, CancellationToken ct);

    /// <summary>
    /// The same, told which delivery this is (1 the first time, more after a failure or a lost lease), for a job that
    /// can skip work on a first delivery; the hosts call this one.
    /// </summary>
    Task HandleAsync(string message, long dequeueCount, CancellationToken ct) => HandleAsync(message, ct);
}
