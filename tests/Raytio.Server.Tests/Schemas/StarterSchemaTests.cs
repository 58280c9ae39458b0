using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Features.Schemas;
using Raytio.Server.Hosting;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Schemas;

/// <summary>The system schemas a new installation starts with.</summary>
public sealed class StarterSchemaTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    public static TheoryData<string, string, bool> Documents => new()
    {
        { "NZ_Person", """{"first_given_name":"Donald","last_name":"Duck","date_of_birth":"1934-06-09"}""", true },
        { "NZ_Person", """{"last_name":"Duck","date_of_birth":"1934-13-09"}""", false },
        { "NZ_Person", """{"first_given_name":"Donald"}""", false },
        { "NZ_Passport_19", """{"passport_number":"LA123456","last_name":"Duck","date_of_birth":"1934-06-09","expiry_date":"2030-01-31","nationality":"NZL"}""", true },
        { "NZ_Passport_19", """{"passport_number":"123","last_name":"Duck","date_of_birth":"1934-06-09","expiry_date":"2030-01-31"}""", false },
        { "NZ_DriverLicence_22", """{"licence_number":"AB123456","licence_version":"123","last_name":"Duck","date_of_birth":"1934-06-09","classes":["1","6"]}""", true },
        { "NZ_DriverLicence_22", """{"licence_number":"AB123456","licence_version":"12","last_name":"Duck","date_of_birth":"1934-06-09"}""", false },
        { "NZ_Person_ContactLocation_04", """{"street_address":"1 Queen Street","city":"Auckland","postcode":"1010","country":"NZ"}""", true },
        { "NZ_Person_ContactLocation_04", """{"street_address":"1 Queen Street","city":"Auckland","country":"New Zealand"}""", false },
        { "Email", """{"email":"donald@example.com"}""", true },
        { "Email", """{"email":"donald"}""", false },
        { "Phone", """{"phone_number":"+6421527830","line_type":"mobile"}""", true },
        { "Phone", """{"phone_number":"021 527 830"}""", false },
        { "File_14", """{"file_name":"statement.pdf","content_type":"application/pdf","size":1024}""", true },
        { "File_14", """{"file_name":"statement.pdf","content_type":"pdf"}""", false },
        { "NZ_Company", """{"nzbn":"9429041535134","entity_name":"Example Limited"}""", true },
        { "NZ_Company", """{"nzbn":"1234","entity_name":"Example Limited"}""", false },
        { "Clarity_Model_01", ClarityModel, true },
        { "Clarity_Model_01", """{"name":"NZ CSC card"}""", false },
        { "Verification", """{"data":{"verifier":"Data Zoo","verification_date":"2020-04-14T05:32:46.530Z","passed":true,"field":"first_given_name","source":"NZ_PASSPORT","v_id":"758f1ec9-e527-4d86-9183-96ca095f70e5"},"signature":"H6k0"}""", true },
        { "Verification", """{"data":{"verifier":"Data Zoo","verification_date":"yesterday","passed":true,"field":"f","source":"s","v_id":"x"},"signature":"H6k0"}""", false },
    };

    /// <summary>The reference's example Clarity model (its `norm`, a string there, as the array its schema asks for).</summary>
    private const string ClarityModel = """
        {"image_components":{"csc_card":[-0.17,-1.18,8.48,4.07]},"text_components":{"number":[2.76,1.31,6.16,1.89]},
         "country":"NZ","anchor_c":"Valid","model_start_date":"2019-01-01","name":"NZ CSC card","angle":0,"anchor_a":"COMMUNITY",
         "model_refiner":"Community Services Card","norm":[138,587,403]}
        """;

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Starter_schemas_accept_good_documents_and_refuse_bad_ones(string schema, string document, bool valid)
    {
        var (_, _, user) = await app.CreateSignedInUserAsync();

        var answer = await (await app.ValidateAsync(user.IdentityToken, "ss", schema, document)).AssertOkAsync();

        Assert.True(valid == answer.GetProperty("valid").GetBoolean(), answer.GetRawText());
    }

    [Fact]
    public async Task Every_shipped_schema_is_seeded_readable_and_passes_the_checks_of_a_write()
    {
        var (_, _, user) = await app.CreateSignedInUserAsync();
        var admin = await app.CreateAdministratorAsync();
        var listed = (await (await app.GetAsync("/db/v1/public/schemas?schema_type=ss&expand=true")).AssertOkAsync()).EnumerateArray()
            .Select(s => s.GetProperty("name").GetString()).ToHashSet();

        Assert.True(StarterSchemas.All.Count >= 10);
        foreach (var starter in StarterSchemas.All)
        {
            Assert.Contains(starter.Name.Full, listed);
            // The same document through operation 41 under another name: every write check passes.
            var copy = await app.CreatedAsync(admin.IdentityToken, SchemaClient.NewName(starter.Name.Bare[..Math.Min(starter.Name.Bare.Length, 40)]), "ss", starter.Document.GetRawText());
            Assert.Equal(1, copy.GetProperty("version").GetInt32());
        }
        var clarity = (await (await app.GetAsync("/db/v1/schemas/ss/Clarity_Model_01", user.IdentityToken)).AssertOkAsync()).GetProperty("schema");
        Assert.Equal("https://api.rayt.io/public/prod/v1/schema/ss/Clarity_Model_01", clarity.GetProperty("$id").GetString());
        Assert.Equal("https://api-docs.rayt.io/lookups/countries.json", clarity.GetProperty("properties").GetProperty("country").GetProperty("lookup").GetString());
    }

    [Fact]
    public async Task Seeding_again_inserts_nothing_and_keeps_later_versions_current()
    {
        var admin = await app.CreateAdministratorAsync();
        await (await app.UpdateAsync(admin.IdentityToken, "ss", "Email", """{"type":"object","required":["email"],"properties":{"email":{"type":"string","format":"email"}}}""")).AssertOkAsync();
        var before = await app.WithDbAsync(db => db.Schemas.CountAsync());

        foreach (var task in app.Services.GetServices<IStartupTask>().OfType<StarterSchemas>())
        {
            await task.RunAsync(CancellationToken.None);
        }

        Assert.Equal(before, await app.WithDbAsync(db => db.Schemas.CountAsync()));
        var email = await (await app.GetAsync("/db/v1/public/schemas/ss/Email")).AssertOkAsync();
        Assert.Equal(2, email.GetProperty("version").GetInt32());
        Assert.Equal(StarterSchemas.All.Count, await app.WithDbAsync(db => db.Schemas.CountAsync(s => s.CreatorId == null && s.Version == 1)));
    }

    [Fact]
    public async Task Seeding_a_fresh_database_from_two_replicas_at_once_inserts_each_schema_once()
    {
        await app.WithDbAsync(db => db.Schemas.Where(s => s.CreatorId == null).ExecuteDeleteAsync());
        var tasks = app.Services.GetServices<IStartupTask>().OfType<StarterSchemas>().Single();

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => tasks.RunAsync(CancellationToken.None))));

        var seeded = await app.WithDbAsync(db => db.Schemas.Where(s => s.CreatorId == null).Select(s => s.Name).ToListAsync());
        Assert.Equal(StarterSchemas.All.Select(s => s.Name.Full).Order(), seeded.Order());
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/db/v1/public/schemas/ss/NZ_Person")).StatusCode);
    }
}
