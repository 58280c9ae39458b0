namespace Raytio.Server.Hosting;

internal static class DataDirectory
{
    /// <summary>Resolves the data folder against the working directory and creates it owner-only.</summary>
    public static string Prepare(string configured)
    {
        var path = Path.GetFullPath(configured, Directory.GetCurrentDirectory());
        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
        return path;
    }
}
