using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace AiPolicyBot.Testing.Hosts;

/// <summary>The host environment a class under test asks for (Development or Production decides local exceptions).</summary>
public sealed class TestHostEnvironment(string environmentName) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = environmentName;
    public string ApplicationName { get; set; } = "AiPolicyBot.Tests";
    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
