using System.Diagnostics;
using AiPolicyBot.Infrastructure.Mail.Inbox;
using AiPolicyBot.Language.Triage;
using AiPolicyBot.Testing.Cost;
using AiPolicyBot.Triage;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace AiPolicyBot.Bench.Storage;

/// <summary>
/// "triage-throughput": mails per second through the service's classifier alone (the dev set cycled to N mails, one
/// worker per core), the cost against the mail's size, and through the whole local pipeline (N .eml files in the drop
/// folder → MimeKit → classify → triage record → actions → outbox) against Azurite.
/// </summary>
public static class TriageThroughputHarness
{
    public static async Task RunAsync(string? connectionString, int mails, int pipelineMails)
    {
        Console.WriteLine($"# triage-throughput {mails} mails (classification), {pipelineMails} (pipeline); {Environment.ProcessorCount} cores, load average {Latencies.Load()}");
        var dev = LabelledMail.ParseLines(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "fixtures", "triage-dev.jsonl"))).Select(m => m.Mail).ToArray();
        var load = Stopwatch.StartNew();
        var classifier = TriageClassifiers.Service(new TriageOptions(), DemoRegisterToolNames.All);
        Console.WriteLine($"model load {load.ElapsedMilliseconds} ms");
        foreach (var m in dev) classifier.Classify(m); // warm (tiered JIT)

        var workers = Environment.ProcessorCount;
        var clock = Stopwatch.StartNew();
        var next = -1;
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < mails) classifier.Classify(dev[i % dev.Length]);
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
        Console.WriteLine($"classification alone: {mails / seconds:0} mails/s on {workers} workers ({seconds:0.00} s; {1000 * cpu / mails:0.000} ms CPU per mail; load average {Latencies.Load()})");

        // Cost against size: the same mail body repeated to 1, 4, 16 and 64 KB (µs per KB should stay flat).
        var sample = dev[0];
        foreach (var kb in new[] { 1, 4, 16, 64 })
        {
            var body = string.Concat(Enumerable.Repeat(sample.Body + "\n\n", kb * 1024 / Math.Max(1, sample.Body.Length) + 1))[..(kb * 1024)];
            var mail = new MailToTriage(sample.From, sample.To, sample.Subject, body);
            classifier.Classify(mail);
            var runs = Math.Max(5, 2000 / kb);
            var t = Stopwatch.StartNew();
            var c0 = Process.GetCurrentProcess().TotalProcessorTime;
            for (var r = 0; r < runs; r++) classifier.Classify(mail);
            var us = t.Elapsed.TotalMicroseconds / runs;
            var cpuUs = (Process.GetCurrentProcess().TotalProcessorTime - c0).TotalMicroseconds / runs;
            Console.WriteLine($"  {kb,3} KB body: {us,9:0} us wall, {cpuUs,9:0} us CPU per mail = {cpuUs / kb,6:0.0} us CPU per KB");
        }

        if (connectionString is null || pipelineMails <= 0) return;
        await using var rig = new StorageRig(connectionString);
        var folder = rig.Services.GetRequiredService<LocalDropFolder>();
        await folder.RunAsync(default); // model loaded, tables created
        Directory.CreateDirectory(folder.InboxFolder);
        for (var i = 0; i < pipelineMails; i++)
        {
            var source = dev[i % dev.Length];
            var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse(source.From));
            message.To.Add(MailboxAddress.Parse("information.assurance@trust.example"));
            message.Subject = source.Subject;
            message.MessageId = $"bench-{i}@bench.example";
            message.Body = new TextPart("plain") { Text = source.Body };
            var file = Path.Combine(folder.InboxFolder, $"{i:D6}.eml");
            await message.WriteToAsync(file);
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-1));
        }

        rig.Calls.Clear();
        clock.Restart();
        var moved = await folder.RunAsync(default);
        seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"whole local pipeline: {moved} mails in {seconds:0.0} s = {moved / seconds:0.0} mails/s; storage {rig.Calls.Tables.Count} table + {rig.Calls.Queues.Count} queue transactions ({(double)rig.Calls.Total / Math.Max(1, moved):0.00} per mail); load average {Latencies.Load()}");
    }
}
