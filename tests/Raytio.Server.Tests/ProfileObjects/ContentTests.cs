using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Raytio.Server.Features.ProfileObjects;
using Raytio.Server.Hosting;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.ProfileObjects;

/// <summary>Documents: stored by hash in the content store, read back byte for byte (36), publicly where PUBLIC may view (37).</summary>
public sealed class ContentTests(ContentTests.SmallContentFactory app) : IClassFixture<ContentTests.SmallContentFactory>
{
    private const int MaxContentBytes = 4096;

    private async Task<JsonElement> WithDocumentAsync(GraphUser owner, string schema, byte[] content, string type = "application/pdf") =>
        await (await app.CreateObjectsAsync(owner.Bearer,
            $$$"""{"schema":"{{{schema}}}","properties":{"name":"doc"},"document":{"content":"{{{Convert.ToBase64String(content)}}}","type":"{{{type}}}"}}""")).AssertOkAsync();

    private string PathOf(byte[] content)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var data = app.Services.GetRequiredService<IOptions<RaytioOptions>>().Value.DataDirectory;
        return Path.Combine(data, "content", hash[..2], hash[2..4], hash);
    }

    [Fact]
    public async Task A_document_round_trips_byte_for_byte_and_is_stored_by_its_hash()
    {
        var owner = await GraphUser.CreateAsync(app);
        var schema = await app.NewSchemaAsync(owner);
        var content = RandomNumberGenerator.GetBytes(MaxContentBytes);

        var created = await WithDocumentAsync(owner, schema, content, "application/pdf; charset=binary");
        var read = await (await app.GetAsync($"/db/v1/profile_objects/{created.NId()}/content", owner.Bearer)).AssertOkAsync();

        Assert.Equal(content, Convert.FromBase64String(read.GetString()!));
        Assert.Equal(content, await File.ReadAllBytesAsync(PathOf(content)));
    }

    [Fact]
    public async Task Public_content_is_served_only_where_PUBLIC_may_view()
    {
        var owner = await GraphUser.CreateAsync(app);
        var stranger = await GraphUser.CreateAsync(app);
        var schema = await app.NewSchemaAsync(owner);
        var content = RandomNumberGenerator.GetBytes(100);
        var created = await WithDocumentAsync(owner, schema, content);
        var path = $"/db/v1/profile_objects/{created.NId()}/content";
        var publicPath = $"/db/v1/public/profile_objects/{created.NId()}/content";

        await (await app.GetAsync(publicPath)).AssertErrorAsync(HttpStatusCode.NotFound, "profile_object_not_found");
        await (await app.GetAsync(publicPath, owner.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "profile_object_not_found");
        await (await app.GetAsync(path, stranger.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "profile_object_not_found");
        await (await app.GetAsync(path)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await app.GetAsync("/db/v1/public/profile_objects/nope/content")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        await app.MakePublicAsync(created.NodeId());
        Assert.Equal(content, Convert.FromBase64String((await (await app.GetAsync(publicPath)).AssertOkAsync()).GetString()!));
        Assert.Equal(content, Convert.FromBase64String((await (await app.GetAsync(path, stranger.Bearer)).AssertOkAsync()).GetString()!));
    }

    [Fact]
    public async Task An_object_without_a_document_answers_content_not_found()
    {
        var owner = await GraphUser.CreateAsync(app);
        var created = await app.CreatedObjectAsync(owner, await app.NewSchemaAsync(owner), """{"name":"a"}""");
        await app.MakePublicAsync(created.NodeId());

        await (await app.GetAsync($"/db/v1/profile_objects/{created.NId()}/content", owner.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "content_not_found");
        await (await app.GetAsync($"/db/v1/public/profile_objects/{created.NId()}/content")).AssertErrorAsync(HttpStatusCode.NotFound, "content_not_found");
    }

    [Fact]
    public async Task Bad_base64_bad_media_types_and_oversized_documents_are_refused_and_nothing_is_stored()
    {
        var owner = await GraphUser.CreateAsync(app);
        var schema = await app.NewSchemaAsync(owner);
        string Body(string content, string type) => $$$"""{"schema":"{{{schema}}}","properties":{"name":"doc"},"document":{"content":"{{{content}}}","type":"{{{type}}}"}}""";

        foreach (var content in new[] { "not base64!", "QUJD=", "QQ" })
        {
            var error = await (await app.CreateObjectsAsync(owner.Bearer, Body(content, "text/plain"))).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(error.GetProperty("errors").TryGetProperty("document.content", out _), content);
        }
        foreach (var type in new[] { "pdf", "*/*", "text/*", "text/plain; =x", "" })
        {
            var error = await (await app.CreateObjectsAsync(owner.Bearer, Body("QUJD", type))).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(error.GetProperty("errors").TryGetProperty("document.type", out _), type);
        }
        var tooLarge = RandomNumberGenerator.GetBytes(MaxContentBytes + 1);
        var refused = await (await app.CreateObjectsAsync(owner.Bearer, Body(Convert.ToBase64String(tooLarge), "text/plain"))).AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.True(refused.GetProperty("errors").TryGetProperty("document.content", out _));
        Assert.False(File.Exists(PathOf(tooLarge)));

        var kept = RandomNumberGenerator.GetBytes(10);
        var items = $$$"""[{{{Body(Convert.ToBase64String(kept), "text/plain")}}},{"schema":"{{{schema}}}","properties":{"name":1}}]""";
        await (await app.CreateObjectsAsync(owner.Bearer, items)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.False(File.Exists(PathOf(kept)));
    }

    [Fact]
    public async Task Shared_content_is_deleted_with_the_last_object_that_names_it()
    {
        var owner = await GraphUser.CreateAsync(app);
        var schema = await app.NewSchemaAsync(owner);
        var content = RandomNumberGenerator.GetBytes(64);
        var first = await WithDocumentAsync(owner, schema, content);
        var second = await WithDocumentAsync(owner, schema, content, "image/png");

        await (await app.DeleteObjectAsync(owner.Bearer, first.NId())).AssertOkAsync();
        Assert.True(File.Exists(PathOf(content)));
        Assert.Equal(content, Convert.FromBase64String((await (await app.GetAsync($"/db/v1/profile_objects/{second.NId()}/content", owner.Bearer)).AssertOkAsync()).GetString()!));
        await (await app.DeleteObjectAsync(owner.Bearer, second.NId())).AssertOkAsync();
        Assert.False(File.Exists(PathOf(content)));
    }

    [Fact]
    public async Task Cleanup_after_a_failed_create_deletes_only_content_no_object_names()
    {
        var owner = await GraphUser.CreateAsync(app);
        var named = RandomNumberGenerator.GetBytes(16);
        var orphan = RandomNumberGenerator.GetBytes(16);
        await WithDocumentAsync(owner, await app.NewSchemaAsync(owner), named);
        var store = app.Services.GetRequiredService<IContentStore>();
        var orphanHash = Convert.ToHexStringLower(SHA256.HashData(orphan));
        Assert.True(await store.PutAsync(orphanHash, orphan, CancellationToken.None));
        Assert.False(await store.PutAsync(orphanHash, orphan, CancellationToken.None));

        await app.Services.GetRequiredService<ContentCleanup>().DeleteUnreferencedAsync([orphanHash, Convert.ToHexStringLower(SHA256.HashData(named))]);

        Assert.False(File.Exists(PathOf(orphan)));
        Assert.True(File.Exists(PathOf(named)));
    }

    [Fact]
    public async Task Missing_or_damaged_content_answers_a_clear_error()
    {
        var owner = await GraphUser.CreateAsync(app);
        var schema = await app.NewSchemaAsync(owner);
        var damaged = RandomNumberGenerator.GetBytes(32);
        var missing = RandomNumberGenerator.GetBytes(32);
        var damagedObject = await WithDocumentAsync(owner, schema, damaged);
        var missingObject = await WithDocumentAsync(owner, schema, missing);
        await File.WriteAllBytesAsync(PathOf(damaged), [1, 2, 3]);
        File.Delete(PathOf(missing));

        await (await app.GetAsync($"/db/v1/profile_objects/{damagedObject.NId()}/content", owner.Bearer)).AssertErrorAsync(HttpStatusCode.InternalServerError, "content_unavailable");
        await (await app.GetAsync($"/db/v1/profile_objects/{missingObject.NId()}/content", owner.Bearer)).AssertErrorAsync(HttpStatusCode.InternalServerError, "content_unavailable");
    }

    /// <summary>Documents of at most 4 KiB, so the limit is cheap to pass.</summary>
    public sealed class SmallContentFactory : RaytioFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("Raytio:ProfileObjects:MaxContentBytes", MaxContentBytes.ToString(System.Globalization.CultureInfo.InvariantCulture))];
    }
}
