using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raytio.Server.Data;
using Raytio.Server.Features.Administration;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Auth;
using Raytio.Server.Hosting;
using Raytio.Server.Providers.Email;
using Raytio.Signing;

namespace Raytio.Server.Cli;

/// <summary>
/// Administrative verbs of the server binary, run against the same configuration and database:
/// `create-user EMAIL PASSWORD`, `users disable|enable EMAIL`, `mailbox [EMAIL] [COUNT]`,
/// `token-keys list|rotate`, `signing-keys list|rotate|remove KID`, `admins list|add EMAIL|remove EMAIL`,
/// `audit verify`.
/// </summary>
public static class ServerCommands
{
    public sealed record Command(string Verb, IReadOnlyList<string> Arguments);

    private static readonly string[] Verbs = ["create-user", "users", "mailbox", "token-keys", "signing-keys", "admins", "audit", "help"];

    /// <summary>Separates a leading verb and its positional arguments from host settings (--key value).</summary>
    public static (Command? Command, string[] HostArgs) Split(string[] args)
    {
        if (args.Length == 0 || !Verbs.Contains(args[0]))
        {
            return (null, args);
        }
        var positional = args.Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        // A command prints its own output; only warnings and errors of the host are of interest.
        string[] quiet = ["--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft=Warning"];
        return (new Command(args[0], positional), [.. quiet, .. args.Skip(1 + positional.Count)]);
    }

    public static async Task<int> RunAsync(Command command, IServiceProvider services, TextWriter output)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            return command.Verb switch
            {
                "create-user" => await CreateUserAsync(command.Arguments, scope.ServiceProvider, output),
                "users" => await UsersAsync(command.Arguments, scope.ServiceProvider, output),
                "mailbox" => await PrintMailboxAsync(command.Arguments, scope.ServiceProvider, output),
                "token-keys" => await TokenKeysAsync(command.Arguments, scope.ServiceProvider, output),
                "signing-keys" => await SigningKeysAsync(command.Arguments, scope.ServiceProvider, output),
                "admins" => await AdministratorsAsync(command.Arguments, scope.ServiceProvider, output),
                "audit" => await AuditAsync(command.Arguments, scope.ServiceProvider, output),
                _ => Usage(output),
            };
        }
        catch (ApiException failure)
        {
            await output.WriteLineAsync("error: " + failure.Message);
            return 2;
        }
    }

    private static int Usage(TextWriter output)
    {
        output.WriteLine("""
            Usage: Raytio.Server [COMMAND] [--setting value ...]
              (no command)                 run the server
              create-user EMAIL PASSWORD   create a verified user without email (first admin)
              users disable|enable EMAIL   stop (or allow again) the user's sign-in; disabling ends their sessions
              mailbox [EMAIL] [COUNT]      print the newest emails of the development mailbox (default 10)
              token-keys list|rotate       list or rotate the keys that sign identity tokens
              signing-keys list|rotate|remove KID
                                           list, rotate or remove the keys that sign verifications
              admins list|add EMAIL|remove EMAIL
                                           list, name or remove installation administrators
              audit verify                 check the sealed audit chain: names the first broken event, counts the unsealed ones
            """);
        return 0;
    }

    private static async Task<int> CreateUserAsync(IReadOnlyList<string> arguments, IServiceProvider services, TextWriter output)
    {
        if (arguments.Count != 2)
        {
            await output.WriteLineAsync("usage: create-user EMAIL PASSWORD");
            return 2;
        }
        var validation = new Validation();
        var username = Usernames.Check(validation, arguments[0]);
        PasswordService.CheckRules(validation, "password", arguments[1], username);
        validation.ThrowIfAny();

        var db = services.GetRequiredService<RaytioDbContext>();
        if (await db.Users.AnyAsync(u => u.Email == username))
        {
            await output.WriteLineAsync($"error: user {username} already exists");
            return 1;
        }
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var user = new User { Id = Guid.NewGuid(), Email = username, PasswordHash = "", Status = UserStatus.Confirmed, CreatedAt = now, UpdatedAt = now };
        user.PasswordHash = await services.GetRequiredService<PasswordService>().HashAsync(arguments[1], CancellationToken.None);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        await output.WriteLineAsync($"created verified user {username} with u_id {user.Id}");
        return 0;
    }

    private static async Task<int> UsersAsync(IReadOnlyList<string> arguments, IServiceProvider services, TextWriter output)
    {
        if (arguments.Count != 2 || arguments[0] is not ("disable" or "enable"))
        {
            await output.WriteLineAsync("usage: users disable|enable EMAIL");
            return 2;
        }
        var username = Usernames.Normalize(arguments[1]);
        var accounts = services.GetRequiredService<DisabledAccounts>();
        var disable = arguments[0] == "disable";
        if (!await (disable ? accounts.DisableAsync(username, CancellationToken.None) : accounts.EnableAsync(username, CancellationToken.None)))
        {
            await output.WriteLineAsync($"error: no user {username}");
            return 1;
        }
        var bound = services.GetRequiredService<IOptions<TokenOptions>>().Value.SecurityStampCacheLifetime;
        await output.WriteLineAsync(disable
            ? $"disabled {username}: sessions revoked; running servers refuse their tokens within {bound.TotalSeconds:0} s"
            : $"enabled {username}: they can sign in again");
        return 0;
    }

    private static async Task<int> PrintMailboxAsync(IReadOnlyList<string> arguments, IServiceProvider services, TextWriter output)
    {
        var to = arguments.Count > 0 ? Usernames.Normalize(arguments[0]) : null;
        var count = arguments.Count > 1 && int.TryParse(arguments[1], out var parsed) ? Math.Clamp(parsed, 1, 1000) : 10;
        var messages = await services.GetRequiredService<DevelopmentMailbox>().ReadAsync(to, count, CancellationToken.None);
        foreach (var message in messages)
        {
            await output.WriteLineAsync($"--- {message.CreatedAt:u} to {message.To}: {message.Subject}");
            await output.WriteLineAsync(message.Body);
        }
        if (messages.Count == 0)
        {
            await output.WriteLineAsync("(the mailbox is empty)");
        }
        return 0;
    }

    private static async Task<int> TokenKeysAsync(IReadOnlyList<string> arguments, IServiceProvider services, TextWriter output)
    {
        var keys = services.GetRequiredService<TokenKeyRing>();
        switch (arguments.FirstOrDefault())
        {
            case "rotate":
                var created = await keys.RotateAsync();
                await output.WriteLineAsync($"new signing key {created.Kid}: published now, signs from {created.ActivatesAt:u}");
                return 0;
            case "list":
                var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
                foreach (var key in await keys.ListAsync())
                {
                    await output.WriteLineAsync($"{key.Kid}  created {key.CreatedAt:u}  {TokenKeyState(key, now)}");
                }
                return 0;
            default:
                await output.WriteLineAsync("usage: token-keys list|rotate");
                return 2;
        }
    }

    private static string TokenKeyState(TokenKeyRing.RingKey key, DateTime now) =>
        key.SignsAt(now) ? "signing" + (key.RetiredAt is { } until ? $" until {until:u}" : "")
        : key.ActivatesAt > now ? $"pending, signs from {key.ActivatesAt:u}"
        : $"retired {key.RetiredAt:u}, verifies until its tokens expire";

    private static async Task<int> SigningKeysAsync(IReadOnlyList<string> arguments, IServiceProvider services, TextWriter output)
    {
        var store = services.GetRequiredService<ISigningKeyStore>();
        switch (arguments.FirstOrDefault())
        {
            case "rotate":
                var created = await store.RotateAsync(CancellationToken.None);
                await output.WriteLineAsync($"new signing key {created.Kid}; older keys keep verifying until removed");
                return 0;
            case "list":
                foreach (var key in await store.ListKeysAsync(CancellationToken.None))
                {
                    await output.WriteLineAsync($"{key.Kid}  created {key.CreatedAt:u}  {(key.IsActive ? "signing" : "verifying only")}");
                }
                return 0;
            case "remove" when arguments.Count == 2:
                try
                {
                    var removed = await store.RemoveAsync(arguments[1], CancellationToken.None);
                    await output.WriteLineAsync(removed ? $"removed {arguments[1]}: its signatures no longer verify" : $"error: no key {arguments[1]}");
                    return removed ? 0 : 1;
                }
                catch (InvalidOperationException refused)
                {
                    await output.WriteLineAsync("error: " + refused.Message);
                    return 1;
                }
            default:
                await output.WriteLineAsync("usage: signing-keys list|rotate|remove KID");
                return 2;
        }
    }

    private static async Task<int> AdministratorsAsync(IReadOnlyList<string> arguments, IServiceProvider services, TextWriter output)
    {
        var administrators = services.GetRequiredService<InstallationAdministrators>();
        switch (arguments)
        {
            case ["list"]:
                foreach (var administrator in await administrators.ListAsync(CancellationToken.None))
                {
                    await output.WriteLineAsync($"{administrator.Email}  u_id {administrator.UserId}  since {administrator.Since:u}");
                }
                return 0;
            case ["add" or "remove", var email]:
                var username = Usernames.Normalize(email);
                var user = await services.GetRequiredService<RaytioDbContext>().Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == username);
                if (user is null)
                {
                    await output.WriteLineAsync($"error: no user {username}");
                    return 1;
                }
                if (arguments[0] == "add")
                {
                    var added = await administrators.AddAsync(user.Id, CancellationToken.None);
                    await output.WriteLineAsync(added ? $"{username} is now an installation administrator" : $"{username} already is an installation administrator");
                }
                else
                {
                    var removed = await administrators.RemoveAsync(user.Id, CancellationToken.None);
                    await output.WriteLineAsync(removed ? $"{username} is no longer an installation administrator" : $"{username} was not an installation administrator");
                }
                return 0;
            default:
                await output.WriteLineAsync("usage: admins list|add EMAIL|remove EMAIL");
                return 2;
        }
    }

    private static async Task<int> AuditAsync(IReadOnlyList<string> arguments, IServiceProvider services, TextWriter output)
    {
        if (arguments is not ["verify"])
        {
            await output.WriteLineAsync("usage: audit verify");
            return 2;
        }
        var result = await services.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None);
        if (result.FirstBreak is { } broken)
        {
            await output.WriteLineAsync($"broken: seal sequence {broken.SealSequence} (event id {broken.EventId}): {broken.Reason}");
            await output.WriteLineAsync($"intact before it: {result.Sealed} sealed events");
        }
        else
        {
            await output.WriteLineAsync($"ok: {result.Sealed} sealed events, head {Convert.ToHexStringLower(result.Head)}");
        }
        await output.WriteLineAsync($"unsealed: {result.Unsealed}");
        return result.FirstBreak is null ? 0 : 1;
    }
}
