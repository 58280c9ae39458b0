using System.Net;
using Raytio.Server.Tests.AccessApplications;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Sharing;

/// <summary>
/// An organisation's back end reads and processes what was shared with its application through
/// the application's own token (client_credentials), and nothing shared with another application.
/// </summary>
public sealed class ApplicationTokenRecipientTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    private async Task<(SeededApplication Application, string Token)> ApplicationWithTokenAsync()
    {
        var created = await app.CreateAppAsync(generateSecret: true);
        var key = await (await app.PostJsonAsync($"{created.Path}/public_key", new { key = TestKeys.Jwk() }, created.Owner.Bearer)).AssertOkAsync();
        var grant = await (await app.PostJsonAsync("/oauth/v1/token", new { grant_type = "client_credentials", client_id = created.Key, client_secret = created.Secret })).AssertOkAsync();
        return (new SeededApplication(created.Id, created.Owner, key.GetProperty("n_id").GetGuid()), grant.GetProperty("access_token").GetString()!);
    }

    [Fact]
    public async Task The_application_token_lists_reads_and_moves_its_own_instances()
    {
        var (application, token) = await ApplicationWithTokenAsync();
        var person = await GraphUser.CreateAsync(app);
        var (nId, instance) = await app.ShareNewThingAsync(person, application);

        var listed = await (await app.GetAsync(application.InstancesPath, token)).AssertOkAsync();
        Assert.Contains(listed.EnumerateArray(), i => i.GetProperty("i_id").GetString() == instance.IId());
        var read = await (await app.GetAsync($"/share/v1/org/instances/{instance.IId()}", token)).AssertOkAsync();
        Assert.Contains(nId, read.GetRawText(), StringComparison.Ordinal);
        var moved = await (await app.SendJsonTextAsync(HttpMethod.Patch, $"/share/v1/org/instances/{instance.IId()}", """{"_state": "Processing"}""", token)).AssertOkAsync();
        Assert.Contains("Processing", moved.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_applications_token_learns_nothing_of_the_instance()
    {
        var (application, _) = await ApplicationWithTokenAsync();
        var (_, otherToken) = await ApplicationWithTokenAsync();
        var person = await GraphUser.CreateAsync(app);
        var (nId, instance) = await app.ShareNewThingAsync(person, application);

        await (await app.GetAsync(application.InstancesPath, otherToken)).AssertAppNotFoundAsync();
        var unknown = await (await app.GetAsync($"/share/v1/org/instances/{Guid.NewGuid()}", otherToken)).AssertErrorAsync(HttpStatusCode.NotFound, "instance_not_found");
        var hidden = await (await app.GetAsync($"/share/v1/org/instances/{instance.IId()}", otherToken)).AssertErrorAsync(HttpStatusCode.NotFound, "instance_not_found");
        Assert.Equal(unknown.GetRawText(), hidden.GetRawText());
        await (await app.SendJsonTextAsync(HttpMethod.Patch, $"/share/v1/org/instances/{instance.IId()}", """{"_state": "Processing"}""", otherToken)).AssertErrorAsync(HttpStatusCode.NotFound, "instance_not_found");
        await (await app.GetAsync($"/share/v1/org/instances/{instance.IId()}/profile_objects/{nId}/content", otherToken)).AssertErrorAsync(HttpStatusCode.NotFound, "instance_not_found");
    }

    [Fact]
    public async Task The_public_keys_list_names_the_instances_encrypted_to_each_key()
    {
        var (application, token) = await ApplicationWithTokenAsync();
        var person = await GraphUser.CreateAsync(app);
        var (_, instance) = await app.ShareNewThingAsync(person, application);

        var keys = await (await app.GetAsync($"/share/v1/access_applications/{application.Id}/public_keys", token)).AssertOkAsync();
        var key = Assert.Single(keys[0].GetProperty("public_keys").EnumerateArray());
        Assert.Equal(application.PublicKeyId, key.GetProperty("public_key").GetProperty("n_id").GetGuid());
        Assert.Contains(instance.IId(), key.GetProperty("instances").GetRawText(), StringComparison.Ordinal);
    }
}
