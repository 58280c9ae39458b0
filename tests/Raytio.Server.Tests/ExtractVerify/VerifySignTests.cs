using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Graph;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Permissions;
using Raytio.Server.Tests.Schemas;
using static Raytio.Server.Tests.ExtractVerify.ExtractVerifyClient;

namespace Raytio.Server.Tests.ExtractVerify;

/// <summary>
/// The pipeline map (104) -> verify_sign (106) -> verify_field (107) against the sandbox registers'
/// test identities (docs/EXTRACT-VERIFY.md), the stored verifications, and bad input.
/// </summary>
public sealed class VerifySignTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    private static readonly string[] PassportFields = ["passport_number", "first_given_name", "middle_names", "last_name", "date_of_birth", "expiry_date"];

    [Fact]
    public async Task A_current_passport_passes_every_verified_field_and_each_value_verifies_against_its_stored_verification()
    {
        var user = await GraphUser.CreateAsync(app);
        var mapped = await app.MappedAsync(Passport, new
        {
            passport_no = "LA100001",
            surname = "NGATA",
            given_names = "AROHA MERE",
            dob = "14 MAR 1988",
            date_of_expiry = "20 AUG 2031",
            sex = "F",
        }, user.Bearer);

        var verifications = (await (await app.VerifySignAsync(JsonNode.Parse(mapped.GetRawText())!, user.Bearer)).AssertOkAsync()).ByField();

        Assert.Equal(PassportFields, verifications.Keys);
        Assert.All(verifications.Values, v =>
        {
            Assert.True(v.Passed());
            Assert.False(v.Data.TryGetProperty("value", out _));
            Assert.Equal("NZ_PASSPORT", v.Data.GetProperty("source").GetString());
            Assert.Equal("current", v.Data.GetProperty("metadata").GetProperty("record_status").GetString());
            Assert.Equal("sandbox", v.Data.GetProperty("metadata").GetProperty("environment").GetString());
            Assert.Equal("Raytio sandbox register", v.Data.GetProperty("verifier").GetString());
            Assert.True(Guid.TryParse(v.Data.GetProperty("v_id").GetString(), out _));
        });
        Assert.Single(verifications.Values.Select(v => v.Data.GetProperty("request_div").GetString()).Distinct());
        Assert.Equal("last_name", verifications["last_name"].Data.GetProperty("field").GetString());

        var answers = await VerifiedAsync(user, [
            (verifications["last_name"].NId, "NGATA"), (verifications["date_of_birth"].NId, "1988-03-14"),
            (verifications["last_name"].NId, "SMITH"), (verifications["date_of_birth"].NId, "14 MAR 1988"),
        ]);
        Assert.Equal([true, true, false, false], answers.Select(a => a.Verified));
        Assert.Equal("NGATA", answers[0].Data.GetProperty("value").GetString());
    }

    [Fact]
    public async Task The_stored_verification_is_the_callers_ss_Verification_object_without_the_value()
    {
        var user = await GraphUser.CreateAsync(app);
        var mapped = await app.MappedAsync(Licence, new { licence_number = "DI100002", licence_version = "245", first_given_name = "James", last_name = "Wilson" }, user.Bearer);
        var verification = (await (await app.VerifySignAsync(JsonNode.Parse(mapped.GetRawText())!, user.Bearer)).AssertOkAsync()).ByField()["first_given_name"];

        var stored = await (await app.GetAsync($"/db/v1/profile_objects/{verification.NId}", user.Bearer)).AssertOkAsync();

        var item = stored.ValueKind == JsonValueKind.Array ? stored[0] : stored;
        Assert.Contains("ss_Verification", item.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        var properties = item.GetProperty("properties");
        Assert.Equal(verification.Signature, properties.GetProperty("signature").GetString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(verification.Data.GetRawText()), JsonNode.Parse(properties.GetProperty("data").GetRawText())));
        Assert.False(properties.GetProperty("data").TryGetProperty("value", out _));
        var key = Guid.Parse(verification.NId);
        var owner = await app.WithDbAsync(db =>
        {
            var nodes = db.GraphNodes;
            return db.GraphRelationships
                .Where(r => r.Type == RelationshipTypes.IsOwner && nodes.Any(n => n.Id == r.EndId && n.Key == key))
                .Select(r => nodes.Single(n => n.Id == r.StartId).Key).SingleAsync();
        });
        Assert.Equal(user.Id, owner);

        // The value with the stored data verifies through operation 105 too: anyone holding both can check offline.
        var data = JsonNode.Parse(verification.Data.GetRawText())!.AsObject();
        data["value"] = "James";
        var checkedBy105 = await (await app.SendJsonTextAsync(HttpMethod.Post, "/extract_verify/v1/verify",
            new JsonArray(new JsonObject { ["data"] = data, ["signature"] = verification.Signature }).ToJsonString(), user.Bearer)).AssertOkAsync();
        Assert.True(checkedBy105[0].GetProperty("verified").GetBoolean());
    }

    [Theory]
    [InlineData("DI100001", "101", "Aroha", "Mere", "Smith", "1988-03-14", "current", "last_name")]
    [InlineData("DI100006", "077", "Hannah", "Grace", "Taylor", "1995-05-05", "current", "licence_version")]
    [InlineData("DI100003", "310", "Priya", "Devi", "Sharma", "1992-07-21", "current", "middle_names")]
    [InlineData("DI100001", "101", "Aroha", "Mere", "Ngata", "1988-03-15", "current", "date_of_birth")]
    public async Task One_inconsistent_detail_fails_only_its_field(string number, string version, string first, string middle, string last, string birth, string status, string failing)
    {
        var user = await GraphUser.CreateAsync(app);

        var verifications = await VerifiedLicenceAsync(user, number, version, first, middle, last, birth);

        Assert.All(verifications, v =>
        {
            Assert.Equal(v.Key != failing, v.Value.Passed());
            Assert.Equal(status, v.Value.Data.GetProperty("metadata").GetProperty("record_status").GetString());
            Assert.Equal(v.Key != failing, v.Value.Data.GetProperty("metadata").GetProperty("consistent").GetBoolean());
        });
    }

    [Theory]
    [InlineData("DI100004", "118", "Thomas", "Edward", "Clarke", "1969-01-30", "expired")]
    [InlineData("DI100005", "402", "Sione", "Tupou", "Fifita", "2001-09-09", "suspended")]
    [InlineData("DI999999", "101", "Aroha", "Mere", "Ngata", "1988-03-14", "not_found")]
    public async Task A_licence_that_is_not_current_or_not_found_fails_every_field(string number, string version, string first, string middle, string last, string birth, string status)
    {
        var user = await GraphUser.CreateAsync(app);

        var verifications = await VerifiedLicenceAsync(user, number, version, first, middle, last, birth);

        Assert.Equal(6, verifications.Count);
        Assert.All(verifications.Values, v =>
        {
            Assert.False(v.Passed());
            Assert.Equal(status, v.Data.GetProperty("metadata").GetProperty("record_status").GetString());
        });
    }

    [Fact]
    public async Task Names_match_without_their_macrons_and_case()
    {
        var user = await GraphUser.CreateAsync(app);

        var verifications = await VerifiedLicenceAsync(user, "DI100007", "150", "TANE", "WIREMU", "POMARE", "1980-12-25");

        Assert.All(verifications.Values, v => Assert.True(v.Passed()));
    }

    [Fact]
    public async Task A_cancelled_passport_fails_and_a_document_with_no_verified_field_answers_an_empty_list()
    {
        var user = await GraphUser.CreateAsync(app);
        var cancelled = await app.MappedAsync(Passport, new { passport_number = "LA100005", last_name = "Walker" }, user.Bearer);
        var sexOnly = await app.MappedAsync(Passport, new { sex = "F" }, user.Bearer);

        var verifications = (await (await app.VerifySignAsync(JsonNode.Parse(cancelled.GetRawText())!, user.Bearer)).AssertOkAsync()).ByField();
        var none = await (await app.VerifySignAsync(JsonNode.Parse(sexOnly.GetRawText())!, user.Bearer)).AssertOkAsync();

        Assert.Equal(["passport_number", "last_name"], verifications.Keys);
        Assert.All(verifications.Values, v => Assert.Equal("cancelled", v.Data.GetProperty("metadata").GetProperty("record_status").GetString()));
        Assert.All(verifications.Values, v => Assert.False(v.Passed()));
        Assert.Equal(0, none.GetArrayLength());
    }

    [Fact]
    public async Task Unmapped_signed_extractions_are_mapped_first()
    {
        var user = await GraphUser.CreateAsync(app);
        var extraction = await app.SignedExtractionAsync(Passport, new { passport = "LA100003", name = "Priya Sharma", dob = "21/07/1992" });

        var verifications = (await (await app.VerifySignAsync(extraction, user.Bearer)).AssertOkAsync()).ByField();

        Assert.Equal(["passport_number", "first_given_name", "last_name", "date_of_birth"], verifications.Keys);
        Assert.All(verifications.Values, v => Assert.True(v.Passed()));
        Assert.True((await VerifiedAsync(user, [(verifications["date_of_birth"].NId, "1992-07-21")]))[0].Verified);
    }

    [Fact]
    public async Task An_unavailable_register_is_502_and_stores_nothing()
    {
        var user = await GraphUser.CreateAsync(app);
        var mapped = await app.MappedAsync(Licence, new { licence_number = "ZZ999999", licence_version = "100", last_name = "Down" }, user.Bearer);

        await (await app.VerifySignAsync(JsonNode.Parse(mapped.GetRawText())!, user.Bearer)).AssertErrorAsync(HttpStatusCode.BadGateway, "verifier_unavailable");

        Assert.Equal(0, await app.WithDbAsync(db =>
        {
            var nodes = db.GraphNodes;
            return db.GraphRelationships.CountAsync(r => nodes.Any(n => n.Id == r.StartId && n.Key == user.Id));
        }));
    }

    [Theory]
    [InlineData("ss_NZ_Person", """{"last_name":"Ngata"}""", "data.schema_name")]
    [InlineData("ss_NZ_Passport_19", """{"last_name":"Ngata"}""", "data.document_data.passport_number")]
    [InlineData("ss_NZ_Passport_19", """{"eye_colour":"brown"}""", "data.document_data.eye_colour")]
    [InlineData("ss_No_Such_Schema", """{"last_name":"Ngata"}""", "data.schema_name")]
    public async Task Documents_that_cannot_be_verified_are_400_naming_why(string schema, string documentData, string field)
    {
        var user = await GraphUser.CreateAsync(app);

        var response = await app.VerifySignAsync(await app.SignedExtractionAsync(schema, JsonNode.Parse(documentData)!), user.Bearer);

        var body = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.GetRawText());
    }

    [Fact]
    public async Task A_users_own_schema_named_like_a_passport_has_no_register()
    {
        var user = await GraphUser.CreateAsync(app);
        await app.CreatedAsync(user.Bearer, "NZ_Passport_19", "us", """{"type":"object","verified_fields":["passport_number"],"properties":{"passport_number":{"type":"string"}}}""");

        var response = await app.VerifySignAsync(await app.SignedExtractionAsync("us_NZ_Passport_19", new { passport_number = "LA100001" }), user.Bearer);

        var body = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(body.GetProperty("errors").TryGetProperty("data.schema_name", out _), body.GetRawText());
    }

    [Fact]
    public async Task Changed_data_is_400_signature_invalid_and_anonymous_callers_401()
    {
        var user = await GraphUser.CreateAsync(app);
        var signed = await app.SignedExtractionAsync(Passport, new { passport_number = "LA100001", last_name = "NGATA" });
        var changed = signed.DeepClone();
        changed["data"]!["document_data"]!["last_name"] = "SMITH";

        await (await app.VerifySignAsync(changed, user.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "signature_invalid");
        await (await app.VerifySignAsync(signed, null)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await app.VerifyFieldAsync(new[] { new { n_id = Guid.NewGuid(), data_to_verify = new[] { new { value = "x" } } } }, null))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Another_users_verification_is_404_until_they_are_granted_a_view_of_it()
    {
        var (owner, other) = (await GraphUser.CreateAsync(app), await GraphUser.CreateAsync(app));
        var verification = (await VerifiedLicenceAsync(owner, "DI100002", "245", "James", "Robert", "Wilson", "1975-11-02"))["last_name"];
        var body = new[] { new { n_id = verification.NId, data_to_verify = new[] { new { value = "Wilson" } } } };

        var denied = await (await app.VerifyFieldAsync(body, other.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "profile_object_not_found");
        var unknown = await (await app.VerifyFieldAsync(new[] { new { n_id = Guid.NewGuid(), data_to_verify = new[] { new { value = "Wilson" } } } }, other.Bearer))
            .AssertErrorAsync(HttpStatusCode.NotFound, "profile_object_not_found");
        Assert.Equal(unknown.GetRawText(), denied.GetRawText());

        await (await app.GrantAsync(owner.Bearer, Guid.Parse(verification.NId), new { u_id = other.Id, permission = "VIEWS" })).AssertOkAsync();
        var granted = await (await app.VerifyFieldAsync(body, other.Bearer)).AssertOkAsync();
        Assert.True(granted[0].GetProperty("verified").GetBoolean());
    }

    [Fact]
    public async Task A_given_signature_is_checked_instead_of_the_stored_one()
    {
        var user = await GraphUser.CreateAsync(app);
        var verifications = await VerifiedLicenceAsync(user, "DI100002", "245", "James", "Robert", "Wilson", "1975-11-02");
        var (first, last) = (verifications["first_given_name"], verifications["last_name"]);

        var answer = await (await app.VerifyFieldAsync(new object[]
        {
            new { n_id = last.NId, signature = last.Signature, data_to_verify = new[] { new { value = "Wilson" } } },
            new { n_id = last.NId, signature = first.Signature, data_to_verify = new[] { new { value = "Wilson" } } },
        }, user.Bearer)).AssertOkAsync();

        Assert.Equal([true, false], answer.EnumerateArray().Select(a => a.GetProperty("verified").GetBoolean()));
    }

    [Fact]
    public async Task Bad_verify_field_input_is_400_naming_the_field()
    {
        var user = await GraphUser.CreateAsync(app);
        var verification = (await VerifiedLicenceAsync(user, "DI100002", "245", "James", "Robert", "Wilson", "1975-11-02"))["last_name"];
        var plain = await (await app.PostJsonAsync("/db/v1/profile_objects", new { schema = "ss_NZ_Person", properties = new { last_name = "Wilson", date_of_birth = Encrypted() } }, user.Bearer)).AssertOkAsync();

        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new[] { new { n_id = "nope", data_to_verify = new[] { new { value = "x" } } } }, "[0].n_id"),
            (new[] { new { n_id = verification.NId, data_to_verify = Array.Empty<object>() } }, "[0].data_to_verify"),
            (new[] { new { n_id = verification.NId } }, "[0].data_to_verify"),
            (new[] { new { n_id = verification.NId, data_to_verify = new object[] { "Wilson" } } }, "[0].data_to_verify[0]"),
            (new[] { new { n_id = verification.NId, data_to_verify = new object[] { new { value = "Wilson", passed = true } } } }, "[0].data_to_verify[0].passed"),
            (new[] { new { n_id = verification.NId, signature = "!!", data_to_verify = new[] { new { value = "x" } } } }, "[0].signature"),
            (new[] { new { n_id = verification.NId, signature = (object)7, data_to_verify = new[] { new { value = "x" } } } }, "[0].signature"),
            (new[] { new { n_id = plain.GetProperty("n_id").GetString(), data_to_verify = new[] { new { value = "x" } } } }, "[0].n_id"),
        })
        {
            var error = await (await app.VerifyFieldAsync(body, user.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(error.GetProperty("errors").TryGetProperty(field, out _), error.GetRawText());
        }
    }

    private async Task<Dictionary<string, (JsonElement Data, string Signature, string NId)>> VerifiedLicenceAsync(
        GraphUser user, string number, string version, string first, string middle, string last, string birth)
    {
        var mapped = await app.MappedAsync(Licence, new
        {
            licence_number = number,
            licence_version = version,
            first_given_name = first,
            middle_names = middle,
            last_name = last,
            date_of_birth = birth,
        }, user.Bearer);
        return (await (await app.VerifySignAsync(JsonNode.Parse(mapped.GetRawText())!, user.Bearer)).AssertOkAsync()).ByField();
    }

    private async Task<List<(JsonElement Data, bool Verified)>> VerifiedAsync(GraphUser user, (string NId, string Value)[] checks)
    {
        var answer = await (await app.VerifyFieldAsync(checks.Select(c => new { n_id = c.NId, data_to_verify = new[] { new { value = c.Value } } }).ToArray(), user.Bearer)).AssertOkAsync();
        return [.. answer.EnumerateArray().Select(a => (a.GetProperty("data"), a.GetProperty("verified").GetBoolean()))];
    }

    /// <summary>An `encrypt: true` property's ciphertext shape (the server cannot read it).</summary>
    private static object Encrypted() => new
    {
        encrypted_data = new { algorithm = new { name = "AES-GCM", length = 256 }, data = "AAAAAAAAAAAAAAAAAAAAAAAAAAAA", iv = "AAAAAAAAAAAAAAAA" },
    };
}
