using AiPolicyBot.Academies;
using AiPolicyBot.Teams.Conversation.Staff;
using Moq;

namespace AiPolicyBot.Teams.Tests.Conversation;

/// <summary>The person's academy: asked once (named in a message), remembered, changeable, one storage read.</summary>
public sealed class StaffAcademiesTests
{
    [Fact]
    public async Task A_named_academy_is_remembered_changed_by_naming_another_and_read_from_storage_once()
    {
        var inner = new InMemoryStaffAcademyStore();
        var store = new Mock<IStaffAcademyStore>();
        store.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).Returns((string u, CancellationToken ct) => inner.GetAsync(u, ct));
        store.Setup(s => s.SetAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).Returns((string u, string a, CancellationToken ct) => inner.SetAsync(u, a, ct));
        var academies = new StaffAcademies(store.Object);

        Assert.Null(await academies.ForAsync("u1", null, default));
        Assert.Equal("riverside", await academies.ForAsync("u1", "riverside", default));
        Assert.Equal("riverside", await academies.ForAsync("u1", null, default));
        // "Across the trust" asks about scope; it does not move the person.
        Assert.Equal("trust", await academies.ForAsync("u1", "trust", default));
        Assert.Equal("riverside", await academies.ForAsync("u1", null, default));
        Assert.Equal("oakfield", await academies.ForAsync("u1", "oakfield", default));
        Assert.Equal("oakfield", await new StaffAcademies(inner).ForAsync("u1", null, default)); // durable, not only cached

        store.Verify(s => s.GetAsync("u1", It.IsAny<CancellationToken>()), Times.Once);
        store.Verify(s => s.SetAsync("u1", It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }
}
