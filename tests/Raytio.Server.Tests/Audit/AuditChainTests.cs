using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Audit;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Audit;

/// <summary>
/// The sealed chain and `audit verify`: an intact chain verifies, and each kind of tampering is
/// named at the first broken event. Every tampering is undone afterwards, so the tests share one chain.
/// </summary>
public sealed class AuditChainTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Sealing_numbers_events_in_order_chains_their_hashes_and_verifies()
    {
        var subject = Guid.NewGuid();
        for (var i = 0; i < 5; i++)
        {
            await app.RecordAsync(AuditEventTypes.ProfileUpdate, Guid.NewGuid(), subject, new JsonObject { ["n"] = i });
        }

        Assert.True(await app.SealAsync() >= 5);
        Assert.Equal(0, await app.SealAsync());

        var chained = await app.EventsAboutAsync(subject);
        Assert.All(chained.Zip(chained.Skip(1)), pair =>
        {
            Assert.Equal(pair.First.SealSequence + 1, pair.Second.SealSequence);
            Assert.Equal(pair.First.Hash, pair.Second.PreviousHash);
        });
        var (exit, output) = await app.VerifyAsync();
        Assert.Equal(0, exit);
        Assert.Matches(@"^ok: \d+ sealed events, head [0-9a-f]{64}\r?\nunsealed: 0", output);
    }

    [Fact]
    public async Task Unsealed_events_are_reported_as_the_tail()
    {
        await app.SealAsync();
        await app.RecordAsync(AuditEventTypes.Login, null, Guid.NewGuid());
        await app.RecordAsync(AuditEventTypes.Login, null, Guid.NewGuid());

        var (exit, output) = await app.VerifyAsync();
        Assert.Equal(0, exit);
        Assert.Contains("unsealed: 2", output, StringComparison.Ordinal);
        Assert.Equal(2, await app.SealAsync());
    }

    [Theory]
    [InlineData("event", "hash mismatch")]
    [InlineData("event_type", "hash mismatch")]
    [InlineData("date", "hash mismatch")]
    [InlineData("u_id", "hash mismatch")]
    [InlineData("previous_hash", "previous-hash mismatch")]
    public async Task A_changed_field_is_named_at_its_event(string field, string reason)
    {
        var target = await SealedMiddleEventAsync();
        var original = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.Id == target.Id));

        await ChangeAsync(target.Id, tampered =>
        {
            switch (field)
            {
                case "event": tampered.EventJson = """{"n":"changed"}"""; break;
                case "event_type": tampered.EventType = AuditEventTypes.ProfileDelete; break;
                case "date": tampered.OccurredAt = tampered.OccurredAt.AddSeconds(-1); break;
                case "u_id": tampered.UserId = Guid.NewGuid(); break;
                default: tampered.PreviousHash = new byte[AuditChain.HashLength]; break;
            }
        });
        await AssertBrokenAtAsync(target.SealSequence!.Value, target.Id, reason);

        await ChangeAsync(target.Id, restored =>
        {
            restored.EventJson = original.EventJson;
            restored.EventType = original.EventType;
            restored.OccurredAt = original.OccurredAt;
            restored.UserId = original.UserId;
            restored.PreviousHash = original.PreviousHash;
        });
        Assert.Equal(0, (await app.VerifyAsync()).Exit);
    }

    [Fact]
    public async Task A_deleted_event_is_named_as_a_gap_at_the_next_one()
    {
        var target = await SealedMiddleEventAsync();
        var next = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.SealSequence == target.SealSequence + 1));
        await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Id == target.Id).ExecuteDeleteAsync());

        await AssertBrokenAtAsync(next.SealSequence!.Value, next.Id, $"gap in sequence: expected seal sequence {target.SealSequence}");

        await app.WithDbAsync(db =>
        {
            db.AuditEvents.Add(target);
            return db.SaveChangesAsync();
        });
        Assert.Equal(0, (await app.VerifyAsync()).Exit);
    }

    [Fact]
    public async Task Two_swapped_events_are_named_at_the_first()
    {
        var first = await SealedMiddleEventAsync();
        var second = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.SealSequence == first.SealSequence + 1));
        await SwapSequencesAsync(first.Id, second.Id);

        // The second event now sits at the first one's place, chained to the wrong predecessor.
        await AssertBrokenAtAsync(first.SealSequence!.Value, second.Id, "previous-hash mismatch");

        await SwapSequencesAsync(first.Id, second.Id);
        Assert.Equal(0, (await app.VerifyAsync()).Exit);
    }

    [Fact]
    public void The_hash_does_not_depend_on_the_order_or_spacing_of_the_stored_json()
    {
        var actor = Guid.NewGuid();
        AuditEvent Stored(string json) => new()
        {
            Id = 7,
            SealSequence = 3,
            OccurredAt = new DateTime(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc),
            EventType = AuditEventTypes.ProfileUpdate,
            UserId = actor,
            SubjectId = Guid.Empty,
            EventJson = json,
        };
        var sqliteText = Stored("""{"property":"name","hmac":"ab","n":1.0}""");
        var jsonbText = Stored("""{"n": 1.0, "hmac": "ab", "property": "name"}""");

        Assert.Equal(AuditChain.Hash(AuditChain.Genesis(), sqliteText), AuditChain.Hash(AuditChain.Genesis(), jsonbText));
    }

    [Fact]
    public async Task The_command_explains_its_usage()
    {
        using var output = new StringWriter();
        Assert.Equal(2, await Cli.ServerCommands.RunAsync(new Cli.ServerCommands.Command("audit", ["check"]), app.Services, output));
        Assert.Contains("usage: audit verify", output.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A sealed event with sealed events before and after it.</summary>
    private async Task<AuditEvent> SealedMiddleEventAsync()
    {
        var subject = Guid.NewGuid();
        for (var i = 0; i < 3; i++)
        {
            await app.RecordAsync(AuditEventTypes.ProfileUpdate, Guid.NewGuid(), subject, new JsonObject { ["n"] = i });
        }
        await app.SealAsync();
        Assert.Equal(0, (await app.VerifyAsync()).Exit);
        return (await app.EventsAboutAsync(subject))[1];
    }

    private Task ChangeAsync(long id, Action<AuditEvent> change) => app.WithDbAsync(async db =>
    {
        change(await db.AuditEvents.SingleAsync(e => e.Id == id));
        return await db.SaveChangesAsync();
    });

    /// <summary>Through a free sequence number, since seal_sequence is unique.</summary>
    private async Task SwapSequencesAsync(long a, long b)
    {
        var sequences = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Id == a || e.Id == b).ToDictionaryAsync(e => e.Id, e => e.SealSequence));
        await ChangeAsync(a, e => e.SealSequence = -1);
        await ChangeAsync(b, e => e.SealSequence = sequences[a]);
        await ChangeAsync(a, e => e.SealSequence = sequences[b]);
    }

    private async Task AssertBrokenAtAsync(long sealSequence, long eventId, string reason)
    {
        var (exit, output) = await app.VerifyAsync();
        Assert.Equal(1, exit);
        Assert.Contains($"broken: seal sequence {sealSequence} (event id {eventId}): {reason}", output, StringComparison.Ordinal);
        Assert.Contains("unsealed: 0", output, StringComparison.Ordinal);
    }
}
