using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace AiPolicyBot.Hosting.Tests;

/// <summary>The host environment both real hosts provide, for tests that compose AddAiPolicyBot without a host.</summary>
public sealed class TestHostEnvironment(string environmentName) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = environmentName;
    public string ApplicationName { get; set; } = "AiPolicyBot.Hosting.Tests";
    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
