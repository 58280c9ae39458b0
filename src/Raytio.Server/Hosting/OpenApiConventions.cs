using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace Raytio.Server.Hosting;

/// <summary>
/// Completes the OpenAPI document with what the pipeline, not a handler, decides: the bearer
/// scheme on every operation that requires authorization, the {version} path parameter, and the
/// error statuses of the middleware (404 unsupported_version on versioned routes, 401 where a
/// user is required, 400/413/415 where a body is read). Handlers declare their own statuses with
/// <see cref="EndpointConventions.ProducesError"/>.
/// </summary>
internal static class OpenApiConventions
{
    public const string BearerScheme = "bearer";

    public static OpenApiOptions AddRaytioConventions(this OpenApiOptions options) =>
        options.AddDocumentTransformer(DescribeDocument).AddOperationTransformer(DescribeOperationAsync);

    private static Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Raytio API";
        document.Info.Description = "Self-hostable implementation of the Raytio API.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "The identity_token of POST /oauth/v1/token.",
        };
        return Task.CompletedTask;
    }

    private static async Task DescribeOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var errors = new List<int>();
        if (IsVersioned(context))
        {
            AddVersionParameter(operation);
            errors.Add(StatusCodes.Status404NotFound);
        }
        if (RequiresAuthorization(context.Description.ActionDescriptor.EndpointMetadata))
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, DocumentOf(context))] = [] }];
            errors.Add(StatusCodes.Status401Unauthorized);
        }
        if (operation.RequestBody is not null)
        {
            // Malformed or wrongly shaped bodies, the body limit and the media type check.
            errors.AddRange([StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType]);
        }
        await DeclareErrorsAsync(operation, context, errors, cancellationToken);
    }

    /// <summary>The same test as the version check: the first segment names a versioned service.</summary>
    private static bool IsVersioned(OpenApiOperationTransformerContext context)
    {
        var service = context.Description.RelativePath?.Split('/')[0];
        return service is not null && context.ApplicationServices.GetRequiredService<VersionedRoutes>().IsVersioned(service);
    }

    private static bool RequiresAuthorization(IList<object> metadata) =>
        metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();

    /// <summary>Handlers do not bind {version} (the middleware checks it), so the framework does not list it.</summary>
    private static void AddVersionParameter(OpenApiOperation operation)
    {
        operation.Parameters ??= [];
        if (operation.Parameters.Any(p => p.Name == "version"))
        {
            return;
        }
        operation.Parameters.Insert(0, new OpenApiParameter
        {
            Name = "version",
            In = ParameterLocation.Path,
            Required = true,
            Description = $"API version: {VersionedRoutes.SupportedVersion}. Any other value answers 404 unsupported_version.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(VersionedRoutes.SupportedVersion)] },
        });
    }

    /// <summary>Adds each status the handler did not declare itself, with the error body.</summary>
    private static async Task DeclareErrorsAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, IEnumerable<int> statuses, CancellationToken cancellationToken)
    {
        var document = DocumentOf(context);
        operation.Responses ??= [];
        foreach (var status in statuses)
        {
            var key = status.ToString(CultureInfo.InvariantCulture);
            if (operation.Responses.ContainsKey(key))
            {
                continue;
            }
            if (document.Components?.Schemas?.ContainsKey(nameof(ApiErrorBody)) is not true)
            {
                document.AddComponent(nameof(ApiErrorBody), await context.GetOrCreateSchemaAsync(typeof(ApiErrorBody), null, cancellationToken));
            }
            operation.Responses[key] = new OpenApiResponse
            {
                Description = ReasonPhrases.GetReasonPhrase(status),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = new OpenApiSchemaReference(nameof(ApiErrorBody), document) },
                },
            };
        }
    }

    private static OpenApiDocument DocumentOf(OpenApiOperationTransformerContext context) =>
        context.Document ?? throw new InvalidOperationException("An operation transformer ran without its document.");
}
