// The runtime calls StartupHook.Initialize (no namespace) before Main when DOTNET_STARTUP_HOOKS names this assembly.
// STARTUP_STATS_TRIGGER=FILE: when FILE appears, FILE.out gets "jit N", "jitms N", "assemblies N" and the assembly
// names. STARTUP_STATS_WATCH=A,B: FILE.stacks gets the stack that loaded each named assembly (why it was loaded).
internal static class StartupHook
{
    public static void Initialize()
    {
        var trigger = Environment.GetEnvironmentVariable("STARTUP_STATS_TRIGGER");
        if (string.IsNullOrEmpty(trigger)) return;
        var watch = (Environment.GetEnvironmentVariable("STARTUP_STATS_WATCH") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        AppDomain.CurrentDomain.AssemblyLoad += (_, e) =>
        {
            var name = e.LoadedAssembly.GetName().Name ?? "";
            if (watch.Contains(name)) File.AppendAllText(trigger + ".stacks", "=== " + name + "\n" + Environment.StackTrace + "\n");
        };
        new Thread(() => WriteWhenAsked(trigger)) { IsBackground = true, Name = "startup-stats" }.Start();
    }

    private static void WriteWhenAsked(string trigger)
    {
        while (!File.Exists(trigger)) Thread.Sleep(20);
        var jit = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false);
        var jitMs = System.Runtime.JitInfo.GetCompilationTime(currentThread: false).TotalMilliseconds;
        var names = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? "?").Order().ToArray();
        string[] head = [$"jit {jit}", $"jitms {jitMs:F0}", $"assemblies {names.Length}"];
        File.WriteAllLines(trigger + ".out", head.Concat(names));
    }
}
