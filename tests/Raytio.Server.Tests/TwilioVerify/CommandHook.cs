using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.TwilioVerify;

/// <summary>
/// Puts a statement between a request's reads and its writes: just before the first command whose
/// text contains the given fragment, it runs on the same connection and transaction, as if another
/// request had committed it a moment earlier. It also keeps the text of every command, to count them.
/// Texts are kept and matched without identifier quotes (SQLite quotes every name, PostgreSQL only some).
/// </summary>
public sealed class CommandHook : DbCommandInterceptor
{
    private readonly Lock _gate = new();
    private (string Fragment, string Sql, Dictionary<string, object> Parameters)? _armed;

    public ConcurrentQueue<string> Commands { get; } = new();

    /// <summary>Runs <paramref name="sql"/> (parameters as `@name`) once, before the next command containing <paramref name="fragment"/>.</summary>
    public void Before(string fragment, string sql, Dictionary<string, object> parameters)
    {
        lock (_gate)
        {
            _armed = (fragment, sql, parameters);
        }
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await InterposeAsync(command, cancellationToken);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await InterposeAsync(command, cancellationToken);
        return result;
    }

    private async Task InterposeAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var text = command.CommandText.Replace("\"", "", StringComparison.Ordinal);
        Commands.Enqueue(text);
        (string Fragment, string Sql, Dictionary<string, object> Parameters)? armed;
        lock (_gate)
        {
            armed = _armed is { } due && text.Contains(due.Fragment, StringComparison.Ordinal) ? due : null;
            if (armed is not null)
            {
                _armed = null;
            }
        }
        if (armed is not { } statement)
        {
            return;
        }
        await using var interposed = command.Connection!.CreateCommand();
        interposed.Transaction = command.Transaction;
        interposed.CommandText = statement.Sql;
        foreach (var (name, value) in statement.Parameters)
        {
            var parameter = interposed.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            interposed.Parameters.Add(parameter);
        }
        await interposed.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The server with a <see cref="CommandHook"/> among its EF Core interceptors.</summary>
    public sealed class HookedFactory : RaytioFactory
    {
        public CommandHook Hook { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(Hook));
        }
    }
}
