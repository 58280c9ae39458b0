using Raytio.Server.Features.Schemas;
using Raytio.Server.Hosting;

namespace Raytio.Server.Tests.Schemas;

public sealed class SchemaNameTests
{
    [Theory]
    [InlineData("passport_note", "us", "us_passport_note")]
    [InlineData("us_passport_note", "us", "us_passport_note")]
    [InlineData("Clarity_Model_01", "ss", "ss_Clarity_Model_01")]
    [InlineData("ss_Clarity_Model_01", "ss", "ss_Clarity_Model_01")]
    [InlineData("Us_note", "us", "us_Us_note")]
    [InlineData("os_person", "os", "os_person")]
    public void A_bare_or_prefixed_name_gets_one_prefix(string given, string type, string full) =>
        Assert.Equal(full, SchemaName.Resolve("name", given, type).Full);

    [Theory]
    [InlineData("ss_person", "us", "names a schema of type 'ss', but the type is 'us'")]
    [InlineData("us_us_note", "us", "prefixed twice")]
    [InlineData("us_ps_note", "us", "prefixed twice")]
    [InlineData("us_", "us", "letters, digits or underscores")]
    [InlineData("", "us", "letters, digits or underscores")]
    [InlineData("passport-note", "us", "letters, digits or underscores")]
    [InlineData("note\u00e9", "us", "letters, digits or underscores")]
    public void Malformed_names_are_a_400_naming_the_field(string given, string type, string expected)
    {
        var failure = Assert.Throws<ApiException>(() => SchemaName.Resolve("schema_ID", given, type));
        Assert.Equal(400, failure.Status);
        Assert.Contains("'schema_ID'", failure.Message);
        Assert.Contains(expected, failure.Message);
    }

    [Fact]
    public void A_bare_name_has_a_length_limit()
    {
        Assert.Equal(100, SchemaName.Resolve("name", new string('a', 100), "ps").Bare.Length);
        Assert.Throws<ApiException>(() => SchemaName.Resolve("name", new string('a', 101), "ps"));
    }

    [Theory]
    [InlineData("ss_NZ_Person", "ss", "NZ_Person")]
    [InlineData("ps_x", "ps", "x")]
    public void Full_names_parse(string text, string type, string bare) =>
        Assert.Equal(new SchemaName(type, bare), SchemaName.ParseFull(text));

    [Theory]
    [InlineData("NZ_Person")]
    [InlineData("xs_a")]
    [InlineData("us_us_a")]
    [InlineData("ss_")]
    public void Other_text_is_not_a_full_name(string text) => Assert.Null(SchemaName.ParseFull(text));
}
