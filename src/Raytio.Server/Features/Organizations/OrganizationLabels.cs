namespace Raytio.Server.Features.Organizations;

/// <summary>The labels of an organisation's members group in the graph.</summary>
public static class OrganizationLabels
{
    public const string Organization = "Organization";

    public const string LabelsJson = """["Group","Organization"]""";

    /// <summary>Whether a group node's labels mark it as an organisation's members group.</summary>
    public static bool IsOrganizationGroup(string labelsJson) =>
        labelsJson.Contains($"\"{Organization}\"", StringComparison.Ordinal);
}
