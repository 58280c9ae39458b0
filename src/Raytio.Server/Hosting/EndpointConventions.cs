namespace Raytio.Server.Hosting;

internal static class EndpointConventions
{
    /// <summary>Documents the error statuses an endpoint can answer, all with <see cref="ApiErrorBody"/>.</summary>
    public static RouteHandlerBuilder ProducesError(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.Produces<ApiErrorBody>(status);
        }
        return builder;
    }
}
