using AiPolicyBot.Academies;

namespace AiPolicyBot.Core.Tests.Academies;

public sealed class AcademyOptionsTests
{
    private static readonly AcademyOptions Options = new()
    {
        Items =
        {
            ["oakfield"] = new AcademyInfo { Name = "Oakfield Academy" },
            ["elm"] = new AcademyInfo { Name = " " },
        },
    };

    [Theory]
    [InlineData("oakfield", "Oakfield Academy")]
    [InlineData("trust", AcademyOptions.TrustName)]
    [InlineData("elm", "elm")]          // configured without a name: the id is all there is
    [InlineData("closed-1", "closed-1")] // no longer configured (an old request): the id, never an error
    public void An_academy_is_named_as_configured_else_by_its_id(string id, string expected) =>
        Assert.Equal(expected, Options.NameOf(id));
}
