using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Cli;
using Raytio.Server.Data;
using Raytio.Server.Features.Auth;
using Raytio.Server.Hosting;
using Raytio.Server.Providers.Email;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Hosting;

/// <summary>The cleanup pass removes what has served its purpose and keeps the rest; run directly, at fake-clock times.</summary>
public sealed class CleanupTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task A_pass_removes_expired_rows_keeps_live_ones_and_a_second_pass_removes_nothing()
    {
        var (email, _) = await app.CreateVerifiedUserAsync();
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var tag = Guid.NewGuid().ToString("N");
        var now = app.Time.GetUtcNow().UtcDateTime;
        var day = TimeSpan.FromDays(1);
        await app.WithDbAsync(db =>
        {
            db.ThrottleBuckets.AddRange(
                new ThrottleBucket { Key = $"ended:{tag}", LastAt = now - TimeSpan.FromMinutes(16), Count = 5 },
                new ThrottleBucket { Key = $"open:{tag}", LastAt = now - TimeSpan.FromMinutes(14), Count = 5 });
            db.OneTimeCodes.AddRange(
                new OneTimeCode { Id = Guid.NewGuid(), UserId = userId, Purpose = CodePurpose.Signup, CodeHash = "expired", CreatedAt = now - day, ExpiresAt = now - TimeSpan.FromSeconds(1) },
                new OneTimeCode { Id = Guid.NewGuid(), UserId = userId, Purpose = CodePurpose.PasswordReset, CodeHash = "live", CreatedAt = now, ExpiresAt = now + day });
            db.RefreshTokens.AddRange(
                Refresh(userId, "expired-past-grace", now - 40 * day, now - day - TimeSpan.FromSeconds(1)),
                Refresh(userId, "expired-within-grace", now - 30 * day, now - TimeSpan.FromHours(1)),
                Refresh(userId, "revoked-past-grace", now - 2 * day, now + day, revokedAt: now - 2 * day),
                Refresh(userId, "used-unexpired", now - 2 * day, now + day, usedAt: now - 2 * day),
                Refresh(userId, "live", now, now + 30 * day));
            db.MailboxMessages.AddRange(
                new MailboxMessage { Id = Guid.NewGuid(), To = $"old-{tag}@example.com", Subject = "s", Body = "code is: 123456", CreatedAt = now - day - TimeSpan.FromSeconds(1) },
                new MailboxMessage { Id = Guid.NewGuid(), To = $"new-{tag}@example.com", Subject = "s", Body = "code is: 654321", CreatedAt = now - TimeSpan.FromHours(23) });
            return db.SaveChangesAsync();
        });

        Assert.True(await PassAsync() >= 5);

        Assert.Equal([$"open:{tag}"], await app.WithDbAsync(db => db.ThrottleBuckets.Where(b => b.Key.EndsWith(tag)).Select(b => b.Key).ToListAsync()));
        Assert.Equal(["live"], await app.WithDbAsync(db => db.OneTimeCodes.Where(c => c.UserId == userId).Select(c => c.CodeHash).ToListAsync()));
        Assert.Equal(["expired-within-grace", "live", "used-unexpired"],
            await app.WithDbAsync(db => db.RefreshTokens.Where(t => t.UserId == userId).Select(t => t.TokenHash).OrderBy(h => h).ToListAsync()));
        Assert.Equal([$"new-{tag}@example.com"], await app.WithDbAsync(db => db.MailboxMessages.Where(m => m.To.EndsWith($"{tag}@example.com")).Select(m => m.To).ToListAsync()));
        Assert.Equal(0, await PassAsync());
    }

    [Fact]
    public async Task The_mailbox_command_hides_bodies_whose_codes_have_expired()
    {
        var email = RaytioFactory.NewEmail();
        await (await app.PostJsonAsync("/oauth/v1/signup", new { username = email, password = "correct horse battery" })).AssertOkAsync();
        var code = await app.LatestCodeAsync(email);
        Assert.Contains($"code is: {code}", await MailboxAsync(email));

        app.Time.Advance(DevelopmentMailbox.Retention);

        var shown = await MailboxAsync(email);
        Assert.DoesNotContain(code, shown, StringComparison.Ordinal);
        Assert.Contains(DevelopmentMailbox.ExpiredBody, shown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_mailbox_keeps_messages_exactly_as_long_as_their_codes_live() =>
        Assert.Equal(OneTimeCodes.Lifetime, DevelopmentMailbox.Retention);

    private Task<int> PassAsync() => app.Services.GetRequiredService<CleanupPass>().RunAsync(CancellationToken.None);

    private async Task<string> MailboxAsync(string email)
    {
        using var output = new StringWriter();
        await ServerCommands.RunAsync(new ServerCommands.Command("mailbox", [email]), app.Services, output);
        return output.ToString();
    }

    private static RefreshToken Refresh(Guid userId, string name, DateTime createdAt, DateTime expiresAt, DateTime? usedAt = null, DateTime? revokedAt = null) =>
        new() { Id = Guid.NewGuid(), UserId = userId, FamilyId = Guid.NewGuid(), TokenHash = name, CreatedAt = createdAt, ExpiresAt = expiresAt, UsedAt = usedAt, RevokedAt = revokedAt };
}
