namespace Raytio.Testing;

/// <summary>Locates files of the repository from a test's output folder.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    public static string Root => RootLazy.Value;

    public static string Interop => Path.Combine(Root, "tests", "interop");

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Raytio.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Raytio.slnx not found above " + AppContext.BaseDirectory);
    }
}
