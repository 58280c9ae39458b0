using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Schemas;
using static Raytio.Server.Tests.ExtractVerify.ExtractVerifyClient;

namespace Raytio.Server.Tests.ExtractVerify;

/// <summary>Operation 104: aliases, dates, name parts, the signature in and out, and bad input.</summary>
public sealed class MapTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Passport_fields_are_renamed_dates_made_iso_and_given_names_split_then_signed()
    {
        var user = await GraphUser.CreateAsync(app);

        var answer = await app.MappedAsync(Passport, new
        {
            surname = "NGATA",
            given_names = new[] { "AROHA", "MERE" },
            passport_no = " LA100001 ",
            date_of_birth = "14 MAR 1988",
            date_of_expiry = "20/08/2031",
            date_of_issue = "21 AUG/AOÛT 2021",
            sex = "F",
        }, user.Bearer);

        Assert.Equal(Passport, Assert.Single(answer.GetProperty("data").GetProperty("schema_name").EnumerateArray()).GetString());
        AssertJson("""
            {"passport_number":"LA100001","first_given_name":"AROHA","middle_names":"MERE","last_name":"NGATA",
             "date_of_birth":"1988-03-14","sex":"F","issue_date":"2021-08-21","expiry_date":"2031-08-20"}
            """, answer.DocumentData());
        var verified = await (await app.SendJsonTextAsync(HttpMethod.Post, "/extract_verify/v1/verify", $"[{answer.GetRawText()}]", user.Bearer)).AssertOkAsync();
        Assert.True(verified[0].GetProperty("verified").GetBoolean());
    }

    [Fact]
    public async Task Licence_card_fields_by_their_card_numbers_a_full_name_split_and_a_numeric_version_as_text()
    {
        var user = await GraphUser.CreateAsync(app);

        var answer = await app.MappedAsync(Licence, new Dictionary<string, object>
        {
            ["5a"] = "DI100001",
            ["5b"] = 101,
            ["Full name"] = "AROHA MERE NGATA",
            ["dateOfBirth"] = "14.03.88",
            ["classes"] = new[] { "1", "6" },
        }, user.Bearer);

        AssertJson("""
            {"licence_number":"DI100001","licence_version":"101","first_given_name":"AROHA","middle_names":"MERE","last_name":"NGATA",
             "date_of_birth":"1988-03-14","classes":["1","6"]}
            """, answer.DocumentData());
    }

    [Fact]
    public async Task Mapping_mapped_data_changes_nothing()
    {
        var user = await GraphUser.CreateAsync(app);
        var once = await app.MappedAsync(Passport, new { Surname = "Wilson", forenames = "James  Robert", dob = "2 November 1975" }, user.Bearer);

        var twice = await (await app.MapAsync(JsonNode.Parse(once.GetRawText())!, user.Bearer)).AssertOkAsync();

        AssertJson("""{"first_given_name":"James","middle_names":"Robert","last_name":"Wilson","date_of_birth":"1975-11-02"}""", twice.DocumentData());
    }

    [Fact]
    public async Task A_schema_that_wants_joined_names_gets_them_joined_and_its_own_aliases_apply()
    {
        var user = await GraphUser.CreateAsync(app);
        var name = SchemaClient.NewName("member_card");
        await app.CreatedAsync(user.Bearer, name, "us", """
            {"type":"object","required":["card_no"],"properties":{
              "full_name":{"type":"string"},"given_names":{"type":"string"},
              "card_no":{"type":"string","aliases":["Card Number"]},
              "expires":{"type":"string","format":"date","aliases":["expiry"]},
              "issued_at":{"type":"string","format":"date-time"}}}
            """);

        var answer = await app.MappedAsync($"us_{name}", new Dictionary<string, string>
        {
            ["first_given_name"] = "Aroha",
            ["middle_names"] = "Mere",
            ["surname"] = "Ngata",
            ["CARD NUMBER"] = "X1",
            ["expiry"] = "2031-08-20",
            ["issued_at"] = "2021-08-21T10:15:00+12:00",
        }, user.Bearer);

        AssertJson("""
            {"full_name":"Aroha Mere Ngata","given_names":"Aroha Mere","card_no":"X1","expires":"2031-08-20","issued_at":"2021-08-20T22:15:00.000Z"}
            """, answer.DocumentData());
        Assert.Equal($"us_{name}", answer.GetProperty("data").GetProperty("schema_name")[0].GetString());
    }

    [Fact]
    public async Task A_schema_with_a_first_name_but_no_middle_names_keeps_every_given_name_in_the_first()
    {
        var user = await GraphUser.CreateAsync(app);
        var name = SchemaClient.NewName("short_names");
        await app.CreatedAsync(user.Bearer, name, "us", """{"type":"object","properties":{"first_given_name":{"type":"string"},"last_name":{"type":"string"}}}""");

        var answer = await app.MappedAsync($"us_{name}", new { name = "Tiger Erasmus Woods" }, user.Bearer);

        AssertJson("""{"first_given_name":"Tiger Erasmus","last_name":"Woods"}""", answer.DocumentData());
    }

    [Theory]
    [InlineData("date_of_birth", "01/01/30", "1930-01-01")]
    [InlineData("date_of_birth", "01/01/20", "2020-01-01")]
    [InlineData("expiry_date", "01/01/30", "2030-01-01")]
    [InlineData("expiry_date", "19991231", "1999-12-31")]
    [InlineData("expiry_date", "December 31, 1999", "1999-12-31")]
    [InlineData("expiry_date", "1999/12/31", "1999-12-31")]
    [InlineData("expiry_date", "31-DEC-99", "2099-12-31")]
    [InlineData("expiry_date", "2031-08-20T00:00:00Z", "2031-08-20")]
    public async Task Dates_read_day_first_with_two_digit_years_by_kind(string field, string given, string expected)
    {
        var user = await GraphUser.CreateAsync(app);

        var answer = await app.MappedAsync(Passport, new Dictionary<string, string> { [field] = given }, user.Bearer);

        Assert.Equal(expected, answer.DocumentData().GetProperty(field).GetString());
    }

    [Theory]
    [InlineData("""{"hair_colour":"brown"}""", "data.document_data.hair_colour")]
    [InlineData("""{"surname":"A","last_name":"B"}""", "data.document_data.last_name")]
    [InlineData("""{"date_of_birth":"31/02/1990"}""", "data.document_data.date_of_birth")]
    [InlineData("""{"dob":"yesterday"}""", "data.document_data.dob")]
    [InlineData("""{"passport_number":"12345"}""", "data.document_data.passport_number")]
    [InlineData("""{"sex":"Q"}""", "data.document_data.sex")]
    [InlineData("""{"surname":{"a":1}}""", "data.document_data.surname")]
    [InlineData("""{"passport_number":["LA",1]}""", "data.document_data.passport_number")]
    public async Task Fields_the_schema_lacks_or_refuses_answer_400_naming_them(string documentData, string field)
    {
        var user = await GraphUser.CreateAsync(app);

        var response = await app.MapAsync(await app.SignedExtractionAsync(Passport, JsonNode.Parse(documentData)!), user.Bearer);

        await AssertNamesAsync(response, field);
    }

    [Fact]
    public async Task Names_a_schema_cannot_hold_are_refused()
    {
        var user = await GraphUser.CreateAsync(app);
        var name = SchemaClient.NewName("surname_only");
        await app.CreatedAsync(user.Bearer, name, "us", """{"type":"object","properties":{"last_name":{"type":"string"}}}""");

        var response = await app.MapAsync(await app.SignedExtractionAsync($"us_{name}", new { surname = "Woods", given_names = "Tiger" }), user.Bearer);

        await AssertNamesAsync(response, "data.document_data.given_names");
    }

    [Fact]
    public async Task Unknown_schemas_and_other_users_schemas_are_400_naming_the_schema()
    {
        var (owner, other) = (await GraphUser.CreateAsync(app), await GraphUser.CreateAsync(app));
        var name = SchemaClient.NewName("private_card");
        await app.CreatedAsync(owner.Bearer, name, "us", """{"type":"object","properties":{"x":{"type":"string"}}}""");

        await AssertNamesAsync(await app.MapAsync(await app.SignedExtractionAsync("ss_No_Such_Schema", new { x = "1" }), other.Bearer), "data.schema_name");
        await AssertNamesAsync(await app.MapAsync(await app.SignedExtractionAsync($"us_{name}", new { x = "1" }), other.Bearer), "data.schema_name");
        await AssertNamesAsync(await app.MapAsync(await app.SignedExtractionAsync("not a name!", new { x = "1" }), other.Bearer), "data.schema_name");
    }

    [Fact]
    public async Task Changed_data_or_a_foreign_signature_is_400_signature_invalid()
    {
        var user = await GraphUser.CreateAsync(app);
        var signed = await app.SignedExtractionAsync(Passport, new { surname = "NGATA" });
        var changed = signed.DeepClone();
        changed["data"]!["document_data"]!["surname"] = "SMITH";
        var foreign = signed.DeepClone();
        foreign["signature"] = Convert.ToBase64String(new byte[512]);

        await (await app.MapAsync(changed, user.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "signature_invalid");
        await (await app.MapAsync(foreign, user.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "signature_invalid");
    }

    [Theory]
    [InlineData("""{"signature":"AAAA"}""", "data")]
    [InlineData("""{"data":{"schema_name":"ss_NZ_Passport_19"},"signature":"AAAA"}""", "data.document_data")]
    [InlineData("""{"data":{"schema_name":"ss_NZ_Passport_19","document_data":{}}}""", "signature")]
    [InlineData("""{"data":{"schema_name":"ss_NZ_Passport_19","document_data":{}},"signature":"!!"}""", "signature")]
    public async Task Malformed_bodies_are_400_naming_the_field(string body, string field)
    {
        var user = await GraphUser.CreateAsync(app);

        await AssertNamesAsync(await app.MapAsync(JsonNode.Parse(body)!, user.Bearer), field);
    }

    [Fact]
    public async Task A_missing_or_malformed_schema_name_in_signed_data_is_400()
    {
        var user = await GraphUser.CreateAsync(app);
        foreach (var schemaName in new JsonNode?[] { null, JsonValue.Create(7), new JsonArray("a", "b") })
        {
            var signed = await app.SignedExtractionAsync(Passport, new { surname = "NGATA" });
            var data = signed["data"]!.AsObject();
            data.Remove("schema_name");
            if (schemaName is not null)
            {
                data["schema_name"] = schemaName;
            }
            var resigned = await app.SignedDataAsync(data);

            await AssertNamesAsync(await app.MapAsync(resigned, user.Bearer), "data.schema_name");
        }
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        var signed = await app.SignedExtractionAsync(Passport, new { surname = "NGATA" });

        await (await app.MapAsync(signed, null)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    private static async Task AssertNamesAsync(HttpResponseMessage response, string field)
    {
        var body = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.GetRawText());
    }

    private static void AssertJson(string expected, JsonElement actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual.GetRawText())), $"expected {expected}, got {actual.GetRawText()}");
}
