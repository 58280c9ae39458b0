using System.Text.Json;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.ProfileObjects;

/// <summary>`expand`: references `urn:profile_object:{n_id}` become the objects the caller may view, 3 levels deep, cycles stopped.</summary>
public sealed class ExpandTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    private async Task<JsonElement> ObjectAsync(GraphUser owner, string schema, string name, string? reference = null) =>
        await app.CreatedObjectAsync(owner, schema, reference is null ? $$$"""{"name":"{{{name}}}"}""" : $$$"""{"name":"{{{name}}}","friend":"{{{reference}}}"}""");

    private async Task PointAsync(GraphUser owner, JsonElement from, JsonElement to) =>
        await (await app.UpdateObjectsAsync(owner.Bearer, $$$"""[{"n_id":"{{{from.NId()}}}","params":{"friend":"{{{to.Urn()}}}"}}]""")).AssertOkAsync();

    [Fact]
    public async Task References_expand_three_levels_deep_and_not_when_expand_is_false()
    {
        var owner = await GraphUser.CreateAsync(app);
        var schema = await app.NewSchemaAsync(owner);
        var e = await ObjectAsync(owner, schema, "e");
        var d = await ObjectAsync(owner, schema, "d", e.Urn());
        var c = await ObjectAsync(owner, schema, "c", d.Urn());
        var b = await ObjectAsync(owner, schema, "b", c.Urn());
        var a = await app.CreatedObjectAsync(owner, schema, $$$"""{"name":"a","friend":"{{{b.Urn()}}}","list":["{{{c.Urn()}}}",{"deep":"{{{e.Urn()}}}"}]}""");

        var read = await (await app.GetAsync($"/db/v1/profile_objects/{a.NId()}", owner.Bearer)).AssertOkAsync();

        var first = read.GetProperty("properties").GetProperty("friend");
        Assert.Equal(b.NId(), first.NId());
        var second = first.GetProperty("properties").GetProperty("friend");
        Assert.Equal(c.NId(), second.NId());
        var third = second.GetProperty("properties").GetProperty("friend");
        Assert.Equal(d.NId(), third.NId());
        Assert.Equal(e.Urn(), third.GetProperty("properties").GetProperty("friend").GetString());
        Assert.Equal(c.NId(), read.GetProperty("properties").GetProperty("list")[0].NId());
        Assert.Equal(e.NId(), read.GetProperty("properties").GetProperty("list")[1].GetProperty("deep").NId());

        var flat = await (await app.GetAsync($"/db/v1/profile_objects/{a.NId()}?expand=false", owner.Bearer)).AssertOkAsync();
        Assert.Equal(b.Urn(), flat.GetProperty("properties").GetProperty("friend").GetString());
    }

    [Fact]
    public async Task A_cycle_stops_at_the_object_already_being_expanded()
    {
        var owner = await GraphUser.CreateAsync(app);
        var schema = await app.NewSchemaAsync(owner);
        var a = await ObjectAsync(owner, schema, "a");
        var b = await ObjectAsync(owner, schema, "b", a.Urn());
        await PointAsync(owner, a, b);
        var self = await ObjectAsync(owner, schema, "self");
        await PointAsync(owner, self, self);

        var read = await (await app.GetAsync($"/db/v1/profile_objects/{a.NId()}", owner.Bearer)).AssertOkAsync();
        var selfRead = await (await app.GetAsync($"/db/v1/profile_objects/{self.NId()}", owner.Bearer)).AssertOkAsync();

        var expanded = read.GetProperty("properties").GetProperty("friend");
        Assert.Equal(b.NId(), expanded.NId());
        Assert.Equal(a.Urn(), expanded.GetProperty("properties").GetProperty("friend").GetString());
        Assert.Equal(self.Urn(), selfRead.GetProperty("properties").GetProperty("friend").GetString());
    }

    [Fact]
    public async Task References_the_caller_may_not_view_stay_strings()
    {
        var owner = await GraphUser.CreateAsync(app);
        var stranger = await GraphUser.CreateAsync(app);
        var schema = await app.NewSchemaAsync(owner);
        var hidden = await ObjectAsync(stranger, await app.NewSchemaAsync(stranger), "hidden");
        var open = await ObjectAsync(owner, schema, "open", hidden.Urn());
        var label = ProfileObjectClient.NewLabel();
        var a = await app.CreatedObjectAsync(owner, schema, $$$"""{"name":"a","friend":"{{{open.Urn()}}}","other":"{{{hidden.Urn()}}}","broken":"urn:profile_object:nope"}""", $"\"{label}\"");
        await app.MakePublicAsync(a.NodeId());

        var mine = await (await app.GetAsync($"/db/v1/profile_objects?profile_objects={Uri.EscapeDataString($$$"""[{"label":"{{{label}}}"}]""")}", owner.Bearer)).AssertOkAsync();
        var anonymous = await (await app.GetAsync($"/db/v1/profile_objects/{a.NId()}")).AssertOkAsync();

        var properties = mine.GetProperty("profile_objects")[0].GetProperty("properties");
        Assert.Equal(open.NId(), properties.GetProperty("friend").NId());
        Assert.Equal(hidden.Urn(), properties.GetProperty("friend").GetProperty("properties").GetProperty("friend").GetString());
        Assert.Equal(hidden.Urn(), properties.GetProperty("other").GetString());
        Assert.Equal("urn:profile_object:nope", properties.GetProperty("broken").GetString());
        Assert.Equal(open.Urn(), anonymous.GetProperty("properties").GetProperty("friend").GetString());
    }

    [Fact]
    public async Task An_expansion_that_would_nest_too_deep_leaves_the_reference()
    {
        var owner = await GraphUser.CreateAsync(app);
        var schema = await app.NewSchemaAsync(owner);
        static string Nest(int depth, string inner) => depth == 0 ? inner : $"{{\"d\":{Nest(depth - 1, inner)}}}";
        var deep = await app.CreatedObjectAsync(owner, schema, $$$"""{"name":"deep","x":{{{Nest(50, "1")}}}}""");
        var label = ProfileObjectClient.NewLabel();
        var pointing = await app.CreatedObjectAsync(owner, schema, $$$"""{"name":"a","x":{{{Nest(40, $"\"{deep.Urn()}\"")}}},"near":"{{{deep.Urn()}}}"}""", $"\"{label}\"");

        var one = await (await app.GetAsync($"/db/v1/profile_objects/{pointing.NId()}", owner.Bearer)).AssertOkAsync();
        var list = await (await app.GetAsync($"/db/v1/profile_objects?profile_objects={Uri.EscapeDataString($$"""[{"label":"{{label}}"}]""")}", owner.Bearer)).AssertOkAsync();

        foreach (var properties in new[] { one.GetProperty("properties"), list.GetProperty("profile_objects")[0].GetProperty("properties") })
        {
            Assert.Equal(deep.NId(), properties.GetProperty("near").NId());
            var inner = properties.GetProperty("x");
            for (var i = 0; i < 40; i++)
            {
                inner = inner.GetProperty("d");
            }
            Assert.Equal(deep.Urn(), inner.GetString());
        }
    }
}
