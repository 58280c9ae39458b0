using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Auth;

/// <summary>Accounts, token grants and bearer authentication (operations 1-6, the JWK set).</summary>
public sealed class AuthFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSettings<TokenOptions>(TokenOptions.Section);
        services.AddSettings<ThrottleOptions>(ThrottleOptions.Section);
        services.AddSingleton<TokenKeyRing>();
        services.AddSingleton<IStartupTask>(provider => provider.GetRequiredService<TokenKeyRing>());
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<SecurityStampCache>();
        services.AddSingleton<PasswordService>();
        services.AddScoped<RefreshTokenService>();
        services.AddScoped<OneTimeCodes>();
        services.AddScoped<Throttle>();
        services.AddScoped<AccountService>();
        services.AddScoped<LoginService>();
        services.AddScoped<DisabledAccounts>();
        services.AddScoped<ICleanupTask, AuthCleanup>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<TokenOptions>, TokenKeyRing, TimeProvider, SecurityStampCache>((jwt, options, keys, time, stamps) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = TokenIssuer.ValidationParameters(options.Value, keys, time);
                jwt.TokenHandlers.Clear();
                jwt.TokenHandlers.Add(new CachingTokenHandler(time, options.Value.ClockSkew));
                jwt.Events = BearerEvents.Create(stamps, keys);
            });
        services.AddAuthorization();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => AuthEndpoints.Map(app);
}
