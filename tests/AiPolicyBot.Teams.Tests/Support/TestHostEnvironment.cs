using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace AiPolicyBot.Teams.Tests.Support;

public sealed class TestHostEnvironment(string environmentName) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = environmentName;
    public string ApplicationName { get; set; } = "AiPolicyBot.Tests";
    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
