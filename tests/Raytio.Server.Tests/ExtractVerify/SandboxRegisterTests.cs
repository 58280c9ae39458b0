using Raytio.Server.Providers.DocumentRegisters;
using Raytio.Testing;

namespace Raytio.Server.Tests.ExtractVerify;

/// <summary>The sandbox registers on their own: the documented table, the verdicts, the failure.</summary>
public sealed class SandboxRegisterTests
{
    [Fact]
    public void The_documented_table_is_the_sandbox_content()
    {
        var lines = File.ReadAllLines(RepoPaths.Combine("docs", "EXTRACT-VERIFY.md"));
        var start = Array.IndexOf(lines, "<!-- sandbox-identities:start -->");
        var end = Array.IndexOf(lines, "<!-- sandbox-identities:end -->");
        Assert.True(start >= 0 && end > start, "the sandbox table markers are missing");

        var documented = lines[(start + 3)..end].Select(line => line.Trim('|').Split('|').Select(cell => cell.Trim()).ToArray()).ToList();
        var coded = SandboxIdentities.All.Select(i => new[]
        {
            i.Source, i.Number, i.Version ?? "-", i.FirstGivenName, i.MiddleNames ?? "-", i.LastName, i.DateOfBirth, i.ExpiryDate ?? "-", i.Status.Wire(),
        }).ToList();

        Assert.Equal(coded.Select(row => string.Join(" | ", row)), documented.Select(row => string.Join(" | ", row)));
    }

    [Fact]
    public void Every_identity_has_well_formed_numbers_and_dates()
    {
        Assert.All(SandboxIdentities.All, identity =>
        {
            Assert.Matches(identity.Source == DocumentSources.NzPassport ? "^[A-Z]{1,2}[0-9]{6}$" : "^[A-Z]{2}[0-9]{6}$", identity.Number);
            Assert.Equal(identity.Source == DocumentSources.NzDriverLicence, identity.Version is not null && System.Text.RegularExpressions.Regex.IsMatch(identity.Version, "^[0-9]{3}$"));
            Assert.True(DateOnly.TryParseExact(identity.DateOfBirth, "yyyy-MM-dd", out _));
            Assert.Equal(identity.Source == DocumentSources.NzPassport, identity.ExpiryDate is not null);
        });
        Assert.Equal(SandboxIdentities.All.Count, SandboxIdentities.All.Select(i => (i.Source, i.Number)).Distinct().Count());
    }

    [Fact]
    public async Task A_licence_check_by_the_fields_operation_98_sends_answers_per_field()
    {
        var register = new SandboxDocumentRegister(DocumentSources.NzDriverLicence);

        var answer = await register.CheckAsync(new RegisterQuery(DocumentSources.NzDriverLicence, new Dictionary<string, string>
        {
            [RegisterFields.LicenceNumber] = "di 100002",
            [RegisterFields.LicenceVersion] = "245",
            [RegisterFields.FirstGivenName] = "james",
            [RegisterFields.MiddleNames] = "Bob",
            [RegisterFields.LastName] = "  Wilson ",
            [RegisterFields.DateOfBirth] = "1975-11-02",
            [RegisterFields.ExpiryDate] = "2030-01-01",
            ["sex"] = "M",
        }), CancellationToken.None);

        Assert.Equal(RecordStatus.Current, answer.Status);
        Assert.Equal(
            new Dictionary<string, bool>
            {
                [RegisterFields.LicenceNumber] = true,
                [RegisterFields.LicenceVersion] = true,
                [RegisterFields.FirstGivenName] = true,
                [RegisterFields.MiddleNames] = false,
                [RegisterFields.LastName] = true,
                [RegisterFields.DateOfBirth] = true,
            },
            answer.Consistent);
        Assert.True(answer.Confirms(RegisterFields.LastName));
        Assert.False(answer.Confirms(RegisterFields.MiddleNames));
        Assert.False(answer.Confirms(RegisterFields.ExpiryDate));
        Assert.Equal("sandbox", answer.Details["environment"]);
    }

    [Fact]
    public async Task The_unavailable_number_throws_and_a_query_without_a_number_or_for_another_source_is_a_programming_error()
    {
        var register = new SandboxDocumentRegister(DocumentSources.NzPassport);

        await Assert.ThrowsAsync<RegisterUnavailableException>(() => register.CheckAsync(Query(DocumentSources.NzPassport, RegisterFields.PassportNumber, "zz999999"), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => register.CheckAsync(Query(DocumentSources.NzPassport, RegisterFields.LastName, "Ngata"), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => register.CheckAsync(Query(DocumentSources.NzDriverLicence, RegisterFields.LicenceNumber, "DI100001"), CancellationToken.None));
    }

    [Theory]
    [InlineData("Tāne Pōmare", "TANE POMARE")]
    [InlineData("  josé   o'brien-smith ", "JOSE O'BRIEN-SMITH")]
    [InlineData("Zoe\u0308", "ZOE")]
    [InlineData("ŁUKASZ Żółć", "LUKASZ ZOLC")]
    public void Values_compare_without_case_marks_or_extra_spaces(string given, string normalized) =>
        Assert.Equal(normalized, RegisterValues.Normalize(given));

    private static RegisterQuery Query(string source, string field, string value) => new(source, new Dictionary<string, string> { [field] = value });
}
