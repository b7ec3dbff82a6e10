using AiPolicyBot.Common;
using AiPolicyBot.Policy;
using AiPolicyBot.Register;
using static AiPolicyBot.Core.Tests.Policy.TestIntakes;
using static AiPolicyBot.Testing.Requests.IntakeSamples;

namespace AiPolicyBot.Core.Tests.Policy;

/// <summary>Properties over many generated intakes (seeded, so a failure is reproducible).</summary>
public class RoutingPropertyTests
{
    private static readonly string[] Sections = ["3.1", "3.2", "3.3", "3.4", "3.5", "4.1", "4.2", "4.3", "5.1", "5.2"];
    private static readonly string[] Tools = ["ExampleChat", "ChatGPT", "Copilot", "Grammarly", "Canva Magic Studio", "Khanmigo", "Midjourney", "Aila"];

    /// <summary>Fail-safe order: a higher number needs more (or stricter) sign-off.</summary>
    private static int Strictness(Tier tier) => tier switch
    {
        Tier.AlreadyApproved => 0,
        Tier.AcademyApproval => 1,
        Tier.ItInstall => 2,
        Tier.TrustApproval => 3,
        _ => 4, // prohibited
    };

    private static T Pick<T>(Random r, params T[] values) => values[r.Next(values.Length)];
    private static T? Maybe<T>(Random r) where T : struct, Enum =>
        r.Next(3) == 0 ? null : Pick(r, Enum.GetValues<T>());

    private static Intake Generate(Random r)
    {
        var users = Pick(r, Enum.GetValues<UserGroup>());
        var data = Enum.GetValues<DataCategory>().Where(_ => r.Next(5) == 0).ToList();
        if (data.Count == 0) data.Add(DataCategory.None);
        return new Intake
        {
            RequestType = Pick(r, Enum.GetValues<RequestType>()),
            AcademyId = Pick(r, "oakfield", "brookmere", "trust"),
            Role = StaffRole.Teacher,
            ToolName = Pick(r, Tools),
            Edition = Pick(r, Enum.GetValues<Edition>()),
            AccessMode = Pick(r, Enum.GetValues<AccessMode>()),
            AccountType = Maybe<AccountType>(r),
            Purpose = "Generated purpose text",
            UseCategory = Pick(r, Enum.GetValues<UseCategory>()),
            Users = users,
            YoungestYearGroup = users == UserGroup.Staff ? null : Pick(r, Enum.GetValues<YearGroup>()),
            VendorMinAge = Pick(r, 0, 0, 13, 16, 18),
            JcqAssessed = Pick(r, Enum.GetValues<JcqAssessed>()),
            AiProducesAssessedWork = r.Next(8) == 0,
            DataCategories = data,
            VendorTrainsOnInputs = Pick(r, Enum.GetValues<VendorTraining>()),
            DataLocation = Maybe<DataLocation>(r),
            DpaAvailable = Maybe<YesNoUnknown>(r),
            OutputUse = Pick(r, Enum.GetValues<OutputUse>()),
            SignificantEffect = r.Next(3) == 0 ? [Pick(r, Enum.GetValues<SignificantEffect>())] : [SignificantEffect.None],
            HumanReview = Maybe<HumanReview>(r),
            ProtectedCharacteristicImpact = Maybe<YesNoUnsure>(r),
            DeclNoDataYet = r.Next(6) != 0,
            DeclReadPolicy = true,
        };
    }

    private static IEnumerable<Intake> Intakes(int seed, int count)
    {
        var r = new Random(seed);
        for (var i = 0; i < count; i++) yield return Generate(r);
    }

    [Fact]
    public void Unsure_never_gives_a_lower_tier_than_a_definite_answer()
    {
        var checkedPairs = 0;
        foreach (var intake in Intakes(20261127, 3000))
        {
            var unsure = Strictness(Route(intake).Tier);
            // Data: "unsure" versus each definite set that could replace it.
            var definite = intake.DataCategories.Where(d => d != DataCategory.Unsure).ToList();
            foreach (var replacement in Enum.GetValues<DataCategory>().Where(d => d != DataCategory.Unsure))
            {
                var withUnsure = intake with { DataCategories = [.. definite, DataCategory.Unsure] };
                var withDefinite = intake with { DataCategories = [.. definite, replacement] };
                Assert.True(Strictness(Route(withUnsure).Tier) >= Strictness(Route(withDefinite).Tier));
                checkedPairs++;
            }
            // Bias: "unsure" versus "yes"/"no"; vendor training: "unknown" versus definite answers; JCQ "unsure".
            Compare(intake with { ProtectedCharacteristicImpact = YesNoUnsure.Unsure },
                intake with { ProtectedCharacteristicImpact = YesNoUnsure.No }, intake with { ProtectedCharacteristicImpact = YesNoUnsure.Yes });
            Compare(intake with { VendorTrainsOnInputs = VendorTraining.Unknown },
                intake with { VendorTrainsOnInputs = VendorTraining.No }, intake with { VendorTrainsOnInputs = VendorTraining.Yes },
                intake with { VendorTrainsOnInputs = VendorTraining.OptOut });
            Compare(intake with { JcqAssessed = JcqAssessed.Unsure },
                intake with { JcqAssessed = JcqAssessed.No }, intake with { JcqAssessed = JcqAssessed.StaffMark });
            _ = unsure;
        }
        Assert.True(checkedPairs > 10000);
    }

    private static void Compare(Intake unsure, params Intake[] definite)
    {
        var u = Strictness(Route(unsure).Tier);
        foreach (var d in definite) Assert.True(u >= Strictness(Route(d).Tier), $"{unsure} vs {d}");
    }

    [Fact]
    public void No_outcome_approves_anything_and_every_outcome_is_well_formed()
    {
        var tiers = new HashSet<Tier>();
        foreach (var intake in Intakes(42, 5000))
        {
            var trainingDone = intake.DeclNoDataYet && intake.VendorMinAge == 0;
            var o = Route(intake, trainingDone: trainingDone);
            tiers.Add(o.Tier);
            // Approver roles exactly per tier: prohibited/alreadyApproved need nobody; otherwise a person signs.
            Assert.Equal(ApproverRoles.For(o.Tier), o.ApproverRoles);
            if (o.Tier is Tier.TrustApproval or Tier.ItInstall or Tier.AcademyApproval) Assert.NotEmpty(o.ApproverRoles);
            // Only the register can say "already approved", and only with the register entry named.
            if (o.Tier == Tier.AlreadyApproved)
            {
                var entry = new RegisterSnapshot(DemoRegister.Entries).Get(o.RegisterEntryId!);
                Assert.NotNull(entry);
                Assert.Contains(entry!.Status, new[] { RegisterStatus.Approved, RegisterStatus.ApprovedNoPersonalData });
                Assert.Equal("R5-APPROVED", o.Reasons.Last(r => r.Rule != "R10-INSTALL").Rule);
            }
            Assert.Equal(o.Conditions.Distinct().OrderBy(c => c, StringComparer.Ordinal), o.Conditions);
            Assert.All(o.Conditions, c => Assert.Contains(c, ConditionCodes.All));
            Assert.All(o.Reasons, r => Assert.Contains(r.PolicySection, Sections));
            Assert.NotEmpty(o.Reasons);
            var ruleNumbers = o.Reasons.Select(r => int.Parse(r.Rule[1..r.Rule.IndexOf('-')])).ToList();
            Assert.Equal(ruleNumbers.Order(), ruleNumbers);
            Assert.Equal(ruleNumbers.Distinct().Count(), ruleNumbers.Count);
            if (o.Tier == Tier.Prohibited)
            {
                Assert.False(o.RequiresItInstall);
                Assert.All(o.Conditions, c => Assert.Equal(ConditionCodes.PossibleIncidentReview, c));
            }
            if (o.Tier == Tier.TrustApproval) Assert.Contains(ConditionCodes.TrainingBeforeFirstUse, o.Conditions);
            Assert.False(o.Conditions.Contains(ConditionCodes.Review6Months) && o.Conditions.Contains(ConditionCodes.Review12Months));
            Assert.Equal(o.RequiresItInstall, o.Reasons.Any(r => r.Rule == "R10-INSTALL"));
            Assert.Equal(intake.DeclNoDataYet, !o.Reasons.Any(r => r.Rule == "R0-DECLARATION"));
        }
        Assert.Equal(5, tiers.Count); // the generator reaches every tier
    }

    [Fact]
    public void Routing_is_deterministic()
    {
        foreach (var intake in Intakes(7, 500))
        {
            var a = Route(intake);
            var b = Route(intake);
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(a, AiPolicyJson.Options),
                System.Text.Json.JsonSerializer.Serialize(b, AiPolicyJson.Options));
        }
    }

    [Fact]
    public void Trust_minimum_age_and_supervision_threshold_come_from_options()
    {
        var intake = Parse(With("""{"users":"staffAndLearners","youngestYearGroup":"Y8","vendorTrainsOnInputs":"no"}"""));
        var none = Route(intake);
        Assert.DoesNotContain(ConditionCodes.MinAge, none.Conditions);
        Assert.Contains(ConditionCodes.SupervisedUse, none.Conditions); // Y8: age 12 < 13
        var strict = Route(intake, options: new PolicyOptions { TrustMinimumLearnerAge = 14, SupervisedUseBelowAge = 13 });
        Assert.Equal("R3-AGE", strict.Reasons[0].Rule);
        Assert.Contains(ConditionCodes.LearnerUseProhibited, strict.Conditions);
    }
}
