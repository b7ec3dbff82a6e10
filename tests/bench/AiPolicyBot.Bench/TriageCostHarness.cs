using System.Diagnostics;
using AiPolicyBot.Language.Triage;
using AiPolicyBot.Testing.Hostile;
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
        foreach (var kind in HostileMailBodies.Kinds)
        {
            var body = HostileMailBodies.Of(kind, 5 << 20);
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
