using AiPolicyBot.Infrastructure.Storage;

namespace AiPolicyBot.Infrastructure.Tests.Storage;

public class TableKeysTests
{
    [Theory]
    [InlineData("AIP-2026-0042")]
    [InlineData("chatgpt-free")]
    [InlineData("11111111-2222-3333-4444-555555555555")]
    public void Plain_ids_stay_readable(string id) => Assert.Equal(id, TableKeys.Safe(id));

    [Theory]
    [InlineData("a/b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\\b")]
    [InlineData("a\tb")]
    [InlineData("")]
    [InlineData("~x")]
    public void Unsafe_ids_become_hashed_keys_without_forbidden_characters(string id)
    {
        var key = TableKeys.Safe(id);
        Assert.StartsWith("~", key);
        Assert.DoesNotContain(key, c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
        Assert.Equal(key, TableKeys.Safe(id));
        Assert.NotEqual(TableKeys.Safe(id + "1"), key);
    }

    [Fact]
    public void Table_prefix_must_make_valid_table_names() =>
        Assert.Throws<InvalidOperationException>(() => new StorageOptions { TablePrefix = "bad-prefix" }.TableName("Requests"));
}
