using AiPolicyBot.Language;

namespace AiPolicyBot.Language.Tests;

public class LanguageAssemblyTests
{
    [Fact]
    public void The_language_assembly_is_the_one_that_holds_the_models()
    {
        Assert.Equal("AiPolicyBot.Language", LanguageAssembly.Instance.GetName().Name);
    }
}
