using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Raytio.Server.Data;
using Raytio.Server.Features.AccessApplications;
using Raytio.Server.Features.Administration;
using Raytio.Server.Features.ApplicationRequests;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Auth;
using Raytio.Server.Features.Billing;
using Raytio.Server.Features.Clarity;
using Raytio.Server.Features.Conversion;
using Raytio.Server.Features.Credit;
using Raytio.Server.Features.CypherQueries;
using Raytio.Server.Features.DocumentReads;
using Raytio.Server.Features.Domains;
using Raytio.Server.Features.DriverLicence;
using Raytio.Server.Features.ExtractVerify;
using Raytio.Server.Features.FaceComparison;
using Raytio.Server.Features.Graph;
using Raytio.Server.Features.Groups;
using Raytio.Server.Features.Health;
using Raytio.Server.Features.Links;
using Raytio.Server.Features.Mrz;
using Raytio.Server.Features.Nzbn;
using Raytio.Server.Features.OneTimeCodes;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Features.OutsideChecks;
using Raytio.Server.Features.Ownership;
using Raytio.Server.Features.Permissions;
using Raytio.Server.Features.Preferences;
using Raytio.Server.Features.PriceLists;
using Raytio.Server.Features.ProfileObjects;
using Raytio.Server.Features.Relationships;
using Raytio.Server.Features.Schemas;
using Raytio.Server.Features.Scopes;
using Raytio.Server.Features.Secrets;
using Raytio.Server.Features.Sharing;
using Raytio.Server.Features.SharingActions;
using Raytio.Server.Features.UserKeys;
using Raytio.Server.Features.Verification;
using Raytio.Server.Features.Xero;
using Raytio.Server.Providers.Centrix;
using Raytio.Server.Providers.DocumentRegisters;
using Raytio.Server.Providers.DriverLicence;
using Raytio.Server.Providers.Email;
using Raytio.Server.Providers.Nzbn;
using Raytio.Server.Providers.Rekognition;
using Raytio.Server.Providers.Twilio;
using Raytio.Server.Providers.Xero;
using Scalar.AspNetCore;

namespace Raytio.Server.Hosting;

/// <summary>Builds the one web host: shared services and middleware, then every module's services and routes.</summary>
public static class RaytioHost
{
    public const string DefaultUrl = "http://127.0.0.1:8080";

    public static WebApplication Build(string[] args)
    {
        // appsettings.json ships beside the binary, wherever the server is started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        // Our middleware enforces the per-endpoint limit; Kestrel's fixed global limit would pre-empt it.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);

        builder.Services.AddSettings<RaytioOptions>(RaytioOptions.SectionName);
        builder.Services.PostConfigure<RaytioOptions>(options => options.DataDirectory = DataDirectory.Prepare(options.DataDirectory));

        AddServices(builder.Services, builder.Configuration);
        var app = builder.Build();
        UsePipeline(app);
        return app;
    }

    /// <summary>Every area, in the order its services are registered and its routes mapped.</summary>
    private static readonly IFeatureModule[] Modules =
    [
        new SecretsFeature(),
        new EmailProvider(),
        new HealthFeature(),
        new AuthFeature(),
        new PreferencesFeature(),
        new AdministrationFeature(),
        new SchemasFeature(),
        new GraphFeature(),
        new GroupsFeature(),
        new OwnershipFeature(),
        new ProfileObjectsFeature(),
        new PermissionsFeature(),
        new RelationshipsFeature(),
        new CypherQueriesFeature(),
        new AuditFeature(),
        new BillingFeature(),
        new OrganizationsFeature(),
        new LinksFeature(),
        new DomainsFeature(),
        new ApplicationRequestsFeature(),
        new PriceListsFeature(),
        new ScopesFeature(),
        new AccessApplicationsFeature(),
        new SharingFeature(),
        new SharingActionsFeature(),
        new UserKeysFeature(),
        new VerificationFeature(),
        new DocumentRegistersProvider(),
        new ExtractVerifyFeature(),
        new ConversionFeature(),
        new OutsideChecksFeature(),
        new NzbnProvider(),
        new NzbnFeature(),
        new CentrixProvider(),
        new RekognitionProvider(),
        new FaceComparisonFeature(),
        new CreditFeature(),
        new DriverLicenceProvider(),
        new DriverLicenceFeature(),
        new TwilioProvider(),
        new OneTimeCodesFeature(),
        new XeroProvider(),
        new XeroFeature(),
        new DocumentReadsFeature(),
        new MrzFeature(),
        new ClarityFeature(),
    ];

    private static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        // The first hosted service: Data Protection's own one reads the key ring from a table
        // that must be migrated first (hosted services start in registration order).
        services.AddSingleton<StartupInitializer>();
        services.AddHostedService(provider => provider.GetRequiredService<StartupInitializer>());
        services.AddRaytioDataProtection(configuration);
        services.AddRaytioDatabase();
        services.AddTrustedProxies();
        services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.DictionaryKeyPolicy = null;
            // A repeated key is ambiguous (which value counts?) and later throws when the body is read as a JsonObject.
            options.SerializerOptions.AllowDuplicateProperties = false;
            options.SerializerOptions.Converters.Add(new StrictJsonNodeConverter());
        });
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddProblemDetails();
        services.AddOpenApi(options => options.AddRaytioConventions());
        services.AddSingleton<VersionedRoutes>();
        services.AddOptions<RetiredSettings>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<RetiredSettings>, RetiredSettings.Check>();
        services.AddSettings<CleanupOptions>(CleanupOptions.Section);
        services.AddSingleton<CleanupPass>();
        services.AddHostedService<CleanupService>();

        foreach (var module in Modules)
        {
            module.AddServices(services, configuration);
        }
    }

    private static void UsePipeline(WebApplication app)
    {
        app.UseTrustedProxies();
        app.UseRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages(context => ErrorResponses.WriteForEmptyStatusAsync(context.HttpContext));
        app.UseApiVersionCheck();
        app.UseRouting();
        app.UseRequestBodyLimit();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/docs", options => options.WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        foreach (var module in Modules)
        {
            module.MapEndpoints(app);
        }
    }
}
