using System.Diagnostics;
using AiPolicyBot.Triage;

namespace AiPolicyBot.Bench;

/// <summary>
/// What building the triage classifier costs in a fresh process (resident memory and cold start): wall time
/// of <see cref="TriageClassifier.Create"/>, the managed heap it leaves behind (kept alive by the classifier and by
/// static regex state), process RSS, then the same after classifying the dev set and one hostile 512 KB body.
/// Run it as its own process: "triage-create".
/// </summary>
public static class TriageCreateHarness
{
    /// <param name="split">Run the priority rules over the training text first, to tell their share from the model's.</param>
    public static void Run(bool split = false)
    {
        var devMail = LabelledMail.ParseLines(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "fixtures", "triage-dev.jsonl")))
            .Select(m => m.Mail).ToArray();
        // JIT the parser and runtime pieces that are not triage's own, so the figures below are the classifier's.
        _ = LabelledMail.EmbeddedTrainingSet();
        var baseline = Snapshot("baseline (training set parsed once, dev set loaded)");

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        Point? rulesOnly = null;
        if (split)
        {
            foreach (var row in LabelledMail.EmbeddedTrainingSet())
                _ = PriorityRules.Match(row.Mail.Subject + ".\n\n" + row.Mail.Body);
            Console.WriteLine($"| priority rules over the training text only | {sw.Elapsed.TotalMilliseconds:F0} ms |");
            rulesOnly = Snapshot("after the priority rules alone over the training text");
            sw.Restart();
        }
        var classifier = TriageClassifier.Create(new TriageOptions(), DemoRegisterToolNames.All);
        var createMs = sw.Elapsed.TotalMilliseconds;
        var createCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        var afterCreate = Snapshot("after TriageClassifier.Create");

        sw.Restart();
        foreach (var mail in devMail) classifier.Classify(mail);
        var devMs = sw.Elapsed.TotalMilliseconds;
        var afterDev = Snapshot("after classifying the dev set once");

        var hostile = new MailToTriage("a@school.example", null, "Names",
            string.Concat(Enumerable.Repeat("pasted pupil names ", 512 * 1024 / 19)));
        sw.Restart();
        var hostileResult = classifier.Classify(hostile);
        var hostileMs = sw.Elapsed.TotalMilliseconds;
        var afterHostile = Snapshot("after one hostile 512 KB body");
        var steady = SteadyStateMicroseconds(classifier, devMail);
        GC.KeepAlive(classifier);

        Console.WriteLine($"| TriageClassifier.Create (fresh process) | {createMs:F0} ms wall, {createCpuMs:F0} ms CPU (all threads, JIT included) |");
        Console.WriteLine($"| load average | {File.ReadAllText("/proc/loadavg").Trim()} |");
        Console.WriteLine($"| classify the dev set once ({devMail.Length} mails, first pass) | {devMs:F0} ms |");
        Console.WriteLine($"| classify one hostile 512 KB body | {hostileMs:F0} ms → {hostileResult.Category.WireName()} |");
        Console.WriteLine($"| classify, steady state: median over the dev mails of each one's best of 20 | {steady:F0} µs |");
        Console.WriteLine();
        Console.WriteLine("| point | managed heap (GetTotalMemory(true)) MB | GC heap size MB | GC committed MB | RSS MB |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var s in new[] { baseline, rulesOnly, afterCreate, afterDev, afterHostile }.OfType<Point>())
            Console.WriteLine($"| {s.Name} | {Mb(s.Managed)} | {Mb(s.HeapSize)} | {Mb(s.Committed)} | {Mb(s.Rss)} |");
        Console.WriteLine($"\nretained by Create: {Mb(afterCreate.Managed - baseline.Managed)} MB managed; " +
                          $"after dev + hostile: {Mb(afterHostile.Managed - baseline.Managed)} MB");
    }

    /// <summary>Less sensitive to a busy machine than percentiles: each mail's fastest of 20 runs after warm-up.</summary>
    private static double SteadyStateMicroseconds(TriageClassifier classifier, MailToTriage[] mail)
    {
        for (var i = 0; i < 100; i++) foreach (var m in mail) classifier.Classify(m);
        Thread.Sleep(300); // let tiered compilation promote the hot methods
        for (var i = 0; i < 50; i++) foreach (var m in mail) classifier.Classify(m);
        var best = mail.Select(m => Enumerable.Range(0, 20).Min(_ =>
        {
            var start = Stopwatch.GetTimestamp();
            classifier.Classify(m);
            return Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        })).Order().ToArray();
        return best[best.Length / 2];
    }

    private sealed record Point(string Name, long Managed, long HeapSize, long Committed, long Rss);

    private static Point Snapshot(string name)
    {
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        using var process = Process.GetCurrentProcess();
        return new(name, managed, info.HeapSizeBytes, info.TotalCommittedBytes, process.WorkingSet64);
    }

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F1");
}
