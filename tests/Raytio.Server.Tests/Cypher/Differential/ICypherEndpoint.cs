namespace Raytio.Server.Tests.Cypher.Differential;

/// <summary>
/// The server side of the differential test, plugged in once operation 64 exists: load a
/// generated graph so that the test user sees all of it, then answer openCypher queries through
/// operation 64 as <c>{"columns", "data"}</c> turned into a <see cref="QueryAnswer"/>.
/// </summary>
public interface ICypherEndpoint
{
    Task LoadAsync(GeneratedGraph graph);

    Task<QueryAnswer> QueryAsync(string cypher);
}
