using System.Net;
using System.Text.Json;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.GraphAuthorization;

/// <summary>A host with the matrix's cast of users and groups, made on first use.</summary>
public sealed class MatrixFactory : RaytioFactory
{
    private MatrixCast? _cast;

    internal async Task<MatrixCast> CastAsync() => _cast ??= await MatrixCast.CreateAsync(this);
}

/// <summary>
/// Every profile-graph operation against every role of <see cref="AuthorizationMatrix"/>: the exact
/// outcome, and for every denial that it reads the same whether the target exists or not.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixFactory app) : IClassFixture<MatrixFactory>
{
    public static TheoryData<string> PrivateObjectRows => Names<ObjectRole>(AuthorizationMatrix.PrivateObject);

    public static TheoryData<string> PublicObjectRows => Names<ObjectRole>(AuthorizationMatrix.PublicObject);

    public static TheoryData<string> GroupRows => Names<GroupRole>(AuthorizationMatrix.Group);

    [Theory]
    [MemberData(nameof(PrivateObjectRows))]
    public async Task On_a_shared_object(string operation)
    {
        var cast = await app.CastAsync();
        await RunAsync(Row<ObjectRole>(AuthorizationMatrix.PrivateObject, operation), isPublic: false, role => cast.Caller(Enum.Parse<ObjectRole>(role)));
    }

    [Theory]
    [MemberData(nameof(PublicObjectRows))]
    public async Task On_an_object_PUBLIC_may_view(string operation)
    {
        var cast = await app.CastAsync();
        await RunAsync(Row<ObjectRole>(AuthorizationMatrix.PublicObject, operation), isPublic: true, role => cast.Caller(Enum.Parse<ObjectRole>(role)));
    }

    [Theory]
    [MemberData(nameof(GroupRows))]
    public async Task On_a_group(string operation)
    {
        var cast = await app.CastAsync();
        await RunAsync(Row<GroupRole>(AuthorizationMatrix.Group, operation), isPublic: false, role => cast.Caller(Enum.Parse<GroupRole>(role)));
    }

    private async Task RunAsync(IReadOnlyList<MatrixCheck> checks, bool isPublic, Func<string, GraphUser?> callerOf)
    {
        var cast = await app.CastAsync();
        var operation = MatrixOperation.Named(checks[0].Operation);
        var failures = new List<string>();
        foreach (var check in checks.Where(c => c.Expected != "-"))
        {
            var caller = callerOf(check.Role);
            var subject = await cast.SubjectAsync(operation, isPublic);
            var answer = await Answer.ReadAsync(await operation.Call(app, cast, subject, caller), operation, subject);
            if (answer.Outcome != check.Expected || !answer.HasContractCode)
            {
                failures.Add($"{check.Operation} as {check.Role}: expected {check.Expected}, got {answer.Outcome}: {answer.Body}");
                continue;
            }
            if (check.Expected is "401" or "404" or "out")
            {
                var absent = subject with { Target = Guid.NewGuid() };
                var unknown = await Answer.ReadAsync(await operation.Call(app, cast, absent, caller), operation, absent);
                if (unknown.Status != answer.Status || unknown.Body != answer.Body)
                {
                    failures.Add($"{check.Operation} as {check.Role} tells an existing target from a missing one: {answer.Status} {answer.Body} against {unknown.Status} {unknown.Body}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static TheoryData<string> Names<TRole>(string[] table)
        where TRole : struct, Enum => [.. AuthorizationMatrix.Parse<TRole>(table).Select(row => row.Operation)];

    private static IReadOnlyList<MatrixCheck> Row<TRole>(string[] table, string operation)
        where TRole : struct, Enum => AuthorizationMatrix.Parse<TRole>(table).Single(row => row.Operation == operation).Checks;

    /// <summary>An answer reduced to what the matrix compares; the target's id is masked, so that answers about different targets compare.</summary>
    private sealed record Answer(int Status, string Outcome, string Body, bool HasContractCode)
    {
        public static async Task<Answer> ReadAsync(HttpResponseMessage response, MatrixOperation operation, Subject subject)
        {
            var body = (await response.Content.ReadAsStringAsync()).Replace(subject.Target.ToString(), "{target}", StringComparison.OrdinalIgnoreCase);
            var status = (int)response.StatusCode;
            var outcome = operation.Listing && status == 200 ? (body.Contains("{target}", StringComparison.Ordinal) ? "in" : "out") : status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new Answer(status, outcome, body, HasCode(response.StatusCode, body));
        }

        /// <summary>401 and 403 carry the codes ENDPOINTS.md names; any error carries a message and a code.</summary>
        private static bool HasCode(HttpStatusCode status, string body)
        {
            if ((int)status < 400)
            {
                return true;
            }
            try
            {
                var error = JsonDocument.Parse(body).RootElement;
                var code = error.GetProperty("code").GetString();
                return error.GetProperty("message").GetString() is { Length: > 0 } && status switch
                {
                    HttpStatusCode.Unauthorized => code == "unauthorized",
                    HttpStatusCode.Forbidden => code == "forbidden",
                    _ => code is { Length: > 0 },
                };
            }
            catch (Exception unreadable) when (unreadable is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                return false;
            }
        }
    }
}
