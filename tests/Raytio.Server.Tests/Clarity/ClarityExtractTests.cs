using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Raytio.Clarity.Models;
using Raytio.Clarity.Tests.Documents;
using Raytio.Clarity.Tests.Imaging;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Mrz;
using Raytio.Server.Tests.Organizations;
using Raytio.Server.Tests.Permissions;

namespace Raytio.Server.Tests.Clarity;

/// <summary>Operation 101 over HTTP; the extraction itself is tested in Raytio.Clarity.Tests.</summary>
public sealed class ClarityExtractTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Extracts_a_driver_licence_with_the_shipped_model_for_an_organisation_member()
    {
        var org = await app.CreateOrgAsync();
        var member = await app.NewMemberAsync(org);
        var document = ClarityUploads.Document(DocumentKind.NzDriverLicence, seed: 22);

        var answer = await (await app.ExtractAsync(ClarityUploads.ExtractBody(document.Jpeg, ClarityUploads.LicenceModel, org.Id.ToString()), member.Bearer))
            .AssertOkAsync();

        foreach (var (name, expected) in document.Fields)
            Assert.Equal(expected, ClarityUploads.Field(answer, name));
        var photo = Convert.FromBase64String(answer.GetProperty("images").GetProperty("photo").GetString()!);
        Assert.Equal([0xFF, 0xD8], photo[..2]);
        var table = answer.GetProperty("tables").GetProperty("classes").EnumerateArray()
            .Select(row => row.EnumerateArray().Select(c => c.GetString()!).ToList()).ToList();
        Assert.Equal(document.TableRows.Count, table.Count);
        Assert.Equal(document.TableRows[0], table[0]);
        // Stage and expiry of each class; the one-digit class cells are scored by the accuracy bench.
        Assert.Equal(document.TableRows.Skip(1).Select(r => r.Skip(1)), table.Skip(1).Select(r => r.Skip(1)));
        Assert.False(answer.TryGetProperty("mrz", out _));
    }

    [Fact]
    public async Task Anonymous_callers_are_refused()
    {
        var body = ClarityUploads.ExtractBody(MrzUploads.Blank(), ClarityUploads.LicenceModel);
        await (await app.ExtractAsync(body, null)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Another_users_private_model_is_not_found_until_made_public()
    {
        var (owner, other) = (await GraphUser.CreateAsync(app), await GraphUser.CreateAsync(app));
        var model = await SaveModelAsync(owner, ShippedModels.Find(ClarityUploads.LicenceModel)!.Properties);
        var blank = ClarityUploads.ExtractBody(MrzUploads.Blank(), model);

        var hidden = await (await app.ExtractAsync(blank, other.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "model_not_found");
        var unknown = await (await app.ExtractAsync(ClarityUploads.ExtractBody(MrzUploads.Blank(), Guid.NewGuid()), other.Bearer))
            .AssertErrorAsync(HttpStatusCode.NotFound, "model_not_found");
        Assert.Equal(unknown.ToString(), hidden.ToString());

        await (await app.GrantAsync(owner.Bearer, model, new { g_id = "PUBLIC", permission = "VIEWS" })).AssertOkAsync();
        // The model is read now: a page without its anchors is the answer.
        await (await app.ExtractAsync(blank, other.Bearer)).AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "anchors_not_found");
        await (await app.ExtractAsync(blank, owner.Bearer)).AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "anchors_not_found");
    }

    [Fact]
    public async Task A_profile_object_that_is_not_a_model_is_not_found()
    {
        var user = await GraphUser.CreateAsync(app);
        var created = await (await app.SendJsonTextAsync(HttpMethod.Post, "/db/v1/profile_objects",
            """{"schema":"ss_Email","properties":{"email":"someone@example.com"}}""", user.Bearer)).AssertOkAsync();
        var id = Guid.Parse(created.GetProperty("n_id").GetString()!);

        await (await app.ExtractAsync(ClarityUploads.ExtractBody(MrzUploads.Blank(), id), user.Bearer))
            .AssertErrorAsync(HttpStatusCode.NotFound, "model_not_found");
    }

    [Fact]
    public async Task A_model_out_of_force_answers_422()
    {
        var user = await GraphUser.CreateAsync(app);
        var properties = ShippedModels.Find(ClarityUploads.LicenceModel)!.Properties.DeepClone().AsObject();
        properties["model_start_date"] = "2001-01-01";
        properties["model_end_date"] = "2002-01-01";
        var model = await SaveModelAsync(user, properties);

        await (await app.ExtractAsync(ClarityUploads.ExtractBody(MrzUploads.Blank(), model), user.Bearer))
            .AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "model_not_in_force");
    }

    [Theory]
    [InlineData("""{"model_id":"%M"}""", "file")]
    [InlineData("""{"file":{"content_type":"image/jpeg","data":"aGVsbG8="},"model_id":"%M"}""", "file.data")]
    [InlineData("""{"file":{"content_type":"text/plain","data":"aGVsbG8="},"model_id":"%M"}""", "file.content_type")]
    [InlineData("""{"file":{"content_type":"image/jpeg","data":"%%%"},"model_id":"%M"}""", "file.data")]
    [InlineData("""{"file":{"content_type":"image/png","data":"%B"}}""", "model_id")]
    [InlineData("""{"file":{"content_type":"image/png","data":"%B"},"model_id":"not-a-guid"}""", "model_id")]
    [InlineData("""{"file":{"content_type":"image/png","data":"%B"},"model_id":"%M","org_id":"xyz"}""", "org_id")]
    [InlineData("""{"file":{"content_type":"image/png","data":"%B"},"model_id":"%M","org_id":5}""", "org_id")]
    public async Task Bad_input_answers_400_naming_the_field(string template, string field)
    {
        var user = await GraphUser.CreateAsync(app);
        var body = template.Replace("%M", ClarityUploads.LicenceModel.ToString()).Replace("%B", Convert.ToBase64String(MrzUploads.Blank()));

        var error = await (await app.ExtractAsync(body, user.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(error.GetProperty("errors").TryGetProperty(field, out _), error.ToString());
    }

    [Fact]
    public async Task Huge_dimensions_answer_413_before_decoding()
    {
        var user = await GraphUser.CreateAsync(app);
        var body = ClarityUploads.ExtractBody(TestImages.PngBomb(40_000, 40_000), ClarityUploads.LicenceModel, contentType: "image/png");

        await (await app.ExtractAsync(body, user.Bearer)).AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "image_too_large");
    }

    [Fact]
    public async Task An_organisation_the_caller_is_not_a_member_of_is_not_found()
    {
        var org = await app.CreateOrgAsync();
        var outsider = await GraphUser.CreateAsync(app);
        var body = ClarityUploads.ExtractBody(MrzUploads.Blank(), ClarityUploads.LicenceModel, org.Id.ToString());

        await (await app.ExtractAsync(body, outsider.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
    }

    private async Task<Guid> SaveModelAsync(GraphUser owner, JsonObject properties)
    {
        var created = await (await app.SendJsonTextAsync(HttpMethod.Post, "/db/v1/profile_objects",
            JsonSerializer.Serialize(new JsonObject { ["schema"] = "ss_Clarity_Model_01", ["properties"] = properties.DeepClone() }), owner.Bearer))
            .AssertOkAsync();
        return Guid.Parse(created.GetProperty("n_id").GetString()!);
    }
}
