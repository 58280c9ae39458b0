namespace Raytio.Server.Features.Sharing;

/// <summary>The kinds of an instance's history rows.</summary>
public static class InstanceHistory
{
    public const string Shared = "shared";
    public const string State = "state";
    public const string View = "view";
    public const string Withdrawn = "withdrawn";
}
