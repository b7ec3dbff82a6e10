using System.Text.Json;
using AiPolicyBot.Common;
using AiPolicyBot.Policy;

namespace AiPolicyBot.Core.Tests.Policy;

public class WireNamesTests
{
    [Theory]
    [InlineData(YearGroup.Eyfs, 4)]
    [InlineData(YearGroup.Y1, 5)]
    [InlineData(YearGroup.Y7, 11)]
    [InlineData(YearGroup.Y13, 17)]
    [InlineData(YearGroup.Post16, 16)]
    public void Youngest_age_follows_the_contract_mapping(YearGroup year, int age) => Assert.Equal(age, year.YoungestAge());

    [Fact]
    public void Enums_use_contract_wire_names()
    {
        Assert.Equal("\"EYFS\"", JsonSerializer.Serialize(YearGroup.Eyfs, AiPolicyJson.Options));
        Assert.Equal("\"post16\"", JsonSerializer.Serialize(YearGroup.Post16, AiPolicyJson.Options));
        Assert.Equal("\"newTool\"", JsonSerializer.Serialize(RequestType.NewTool, AiPolicyJson.Options));
        Assert.Equal("\"approvedNoPersonalData\"", JsonSerializer.Serialize(AiPolicyBot.Register.RegisterStatus.ApprovedNoPersonalData, AiPolicyJson.Options));
        Assert.Equal(YearGroup.Y10, JsonSerializer.Deserialize<YearGroup>("\"Y10\"", AiPolicyJson.Options));
    }
}
