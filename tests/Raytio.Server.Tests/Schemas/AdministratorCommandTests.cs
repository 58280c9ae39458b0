using Raytio.Server.Cli;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Schemas;

/// <summary>`admins list|add EMAIL|remove EMAIL`: how one becomes an installation administrator.</summary>
public sealed class AdministratorCommandTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Add_list_and_remove_an_administrator()
    {
        var (email, _, tokens) = await app.CreateSignedInUserAsync();

        Assert.Contains("is now an installation administrator", await RunAsync(0, "add", email.ToUpperInvariant()));
        Assert.Contains("already is", await RunAsync(0, "add", email));
        Assert.Contains(email, await RunAsync(0, "list"));
        await app.CreatedAsync(tokens.IdentityToken, SchemaClient.NewName("By_Admin"), "ss", "{}");

        Assert.Contains("no longer", await RunAsync(0, "remove", email));
        Assert.Contains("was not", await RunAsync(0, "remove", email));
        Assert.DoesNotContain(email, await RunAsync(0, "list"));
        await (await app.CreateAsync(tokens.IdentityToken, SchemaClient.NewName("By_Admin"), "ss", "{}")).AssertErrorAsync(System.Net.HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Unknown_users_and_bad_arguments_are_refused()
    {
        Assert.Contains("no user", await RunAsync(1, "add", RaytioFactory.NewEmail()));
        Assert.Contains("usage: admins", await RunAsync(2, "promote"));
        Assert.Contains("usage: admins", await RunAsync(2));
    }

    private async Task<string> RunAsync(int expectedExit, params string[] arguments)
    {
        var output = new StringWriter();
        Assert.Equal(expectedExit, await ServerCommands.RunAsync(new ServerCommands.Command("admins", arguments), app.Services, output));
        return output.ToString();
    }
}
