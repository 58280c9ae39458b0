using Raytio.Server.Features.Sharing;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Sharing;

/// <summary>Every read is a view when coalescing is off, so an instance's answers carry only the newest history.</summary>
public sealed class InstanceHistoryLimitTests(InstanceHistoryLimitTests.EveryViewFactory app) : IClassFixture<InstanceHistoryLimitTests.EveryViewFactory>
{
    [Fact]
    public async Task A_much_read_instance_answers_its_newest_hundred_events_and_counts_them_all()
    {
        var person = await GraphUser.CreateAsync(app);
        var application = await app.SeedApplicationAsync(await GraphUser.CreateAsync(app));
        var (_, instance) = await app.ShareNewThingAsync(person, application);
        var read = default(System.Text.Json.JsonElement);
        for (var i = 0; i < InstanceDetails.MaxHistoryEvents + 1; i++)
        {
            read = await (await app.GetAsync($"/share/v1/org/instances/{instance.IId()}", application.Owner.Bearer)).AssertOkAsync();
        }

        var history = read.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(InstanceDetails.MaxHistoryEvents, history.Count);
        Assert.All(history, e => Assert.Equal("view", e.GetProperty("kind").GetString()));
        Assert.Equal(InstanceDetails.MaxHistoryEvents + 2, read.GetProperty("history_count").GetInt32());
        var own = await (await app.GetAsync($"/share/v1/instances/{instance.IId()}", person.Bearer)).AssertOkAsync();
        Assert.Equal(InstanceDetails.MaxHistoryEvents + 2, own.GetProperty("history_count").GetInt32());
    }

    public sealed class EveryViewFactory : RaytioFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("Raytio:Sharing:ViewCoalesceWindow", "00:00:00")];
    }
}
