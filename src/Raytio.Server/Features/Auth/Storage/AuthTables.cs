using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;

namespace Raytio.Server.Features.Auth;

/// <summary>The Auth area's tables, as properties of the shared context.</summary>
public static class AuthTables
{
    extension(RaytioDbContext db)
    {
        public DbSet<User> Users => db.Set<User>();

        public DbSet<OneTimeCode> OneTimeCodes => db.Set<OneTimeCode>();

        public DbSet<RefreshToken> RefreshTokens => db.Set<RefreshToken>();

        public DbSet<TokenSigningKey> TokenSigningKeys => db.Set<TokenSigningKey>();

        public DbSet<ThrottleBucket> ThrottleBuckets => db.Set<ThrottleBucket>();
    }
}
