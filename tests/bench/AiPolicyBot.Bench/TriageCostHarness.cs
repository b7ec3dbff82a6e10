using System.Diagnostics;
using AiPolicyBot.Language.Triage;
using AiPolicyBot.Triage;

namespace AiPolicyBot.Bench;

/// <summary>
/// Triage's costs on the service classifier (the committed model), each in its own fresh process
/// (docs/benchmarks.md "Triage costs"):
/// "triage-load": loading the model (what the first triage request pays) and the process's peak resident memory;
/// "triage-five-mb": classifying 5 MB hostile bodies, against docs/spec/triage.md "Cost" (≤ 1 s each).
/// </summary>
public static class TriageCostHarness
{
    /// <summary>5 MB bodies of the shapes that have been slow in some version of the pipeline.</summary>
    public static IReadOnlyList<(string Kind, string Body)> FiveMegabyteBodies(int bytes = 5 << 20) =>
    [
        ("blank lines", new string('\n', bytes)),
        ("CRLF blank lines", string.Concat(Enumerable.Repeat("\r\n", bytes / 2))),
        ("spaces and newlines", string.Concat(Enumerable.Repeat(" \n \t\n", bytes / 5))),
        ("<br>", "<html>" + string.Concat(Enumerable.Repeat("<br>", bytes / 4))),
        ("unclosed tags", "<html>" + string.Concat(Enumerable.Repeat("<a", bytes / 2))),
        ("quote markers", string.Concat(Enumerable.Repeat("> \n", bytes / 3))),
        ("one long word", new string('a', bytes)),
        ("from lines", string.Concat(Enumerable.Repeat("From: a\n", bytes / 8))),
        ("on wrote", string.Concat(Enumerable.Repeat("On x, y\n", bytes / 8))),
        ("thanks lines", string.Concat(Enumerable.Repeat("Thanks,\n", bytes / 8))),
        ("pasted pupil names", string.Concat(Enumerable.Repeat("pasted pupil names ", bytes / 19))),
    ];

    public static void Load()
    {
        var sw = Stopwatch.StartNew();
        var classifier = TriageClassifiers.Service(new TriageOptions(), DemoRegisterToolNames.All);
        var loadMs = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        var result = classifier.Classify(new MailToTriage("sam@oakfield.example", null, "Class list", "I pasted my class list into ChatGPT."));
        var firstMs = sw.Elapsed.TotalMilliseconds;
        Console.WriteLine("| triage model load, fresh process | figure |\n|---|---:|");
        Console.WriteLine($"| model {classifier.Model.Version}: load (TriageClassifiers.Service) | {loadMs:F0} ms |");
        Console.WriteLine($"| first classification | {firstMs:F0} ms → {result.Category.WireName()} |");
        Console.WriteLine($"| peak resident memory (VmHWM) | {PeakRssMb():F0} MB |");
        Console.WriteLine($"| load average | {File.ReadAllText("/proc/loadavg").Trim()} |");
    }

    public static void FiveMegabytes(int rounds = 3)
    {
        var classifier = TriageClassifiers.Service(new TriageOptions(), DemoRegisterToolNames.All);
        classifier.Classify(new MailToTriage("a@b.example", null, "warm", "up"));
        Console.WriteLine($"| 5 MB body ({classifier.Model.Version}) | best of {rounds}, ms | worst, ms | ≤ 1 s |\n|---|---:|---:|---|");
        var worstOfAll = 0.0;
        foreach (var (kind, body) in FiveMegabyteBodies())
        {
            var mail = new MailToTriage("someone@outside.example", null, "Notes " + kind, body);
            var times = Enumerable.Range(0, rounds).Select(_ =>
            {
                var start = Stopwatch.GetTimestamp();
                classifier.Classify(mail);
                return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }).ToList();
            worstOfAll = Math.Max(worstOfAll, times.Min());
            Console.WriteLine($"| {kind} | {times.Min():F0} | {times.Max():F0} | {(times.Min() <= 1000 ? "yes" : "**no**")} |");
        }
        Console.WriteLine($"\nslowest kind (best of {rounds}): {worstOfAll:F0} ms; load average {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    /// <summary>The process's peak resident set (Linux /proc/self/status VmHWM), in MB.</summary>
    private static double PeakRssMb()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0]) / 1024;
    }
}
