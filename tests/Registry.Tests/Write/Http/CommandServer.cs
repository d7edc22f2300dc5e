using Registry.Host.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Registry.Contracts.Common;
using Registry.EventStore;
using Registry.Host.Http;
using Registry.Tests.Infrastructure;
using Registry.Write.Access;
using Registry.Write.Pipeline;

namespace Registry.Tests.Write.Http;

/// <summary>
/// The registry's command API on a free port of 127.0.0.1, over a fresh log holding <see cref="TestMap"/>, built as
/// <c>registry serve</c> builds it (<see cref="CommandEndpoints"/>), with keys for each role.
/// </summary>
public sealed class CommandServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CommandServer(WebApplication app, SqlEventStore store, HttpClient client)
    {
        _app = app;
        Store = store;
        Client = client;
    }

    public SqlEventStore Store { get; }
    public HttpClient Client { get; }
    public string AdminKey { get; private set; } = "";
    public string LangSonEditorKey { get; private set; } = "";
    public string AnalystKey { get; private set; } = "";

    public static async Task<CommandServer> StartAsync(string kind)
    {
        var store = await StoreKind.OpenNewAsync(kind);
        await store.AppendAsync(StreamNames.ProvinceMap, ExpectedRevision.NoStream,
            EventEncoder.Encode([.. TestMap.Provinces, TestMap.Reorganization], new CommandContext(Guid.NewGuid(), Principal.Admin("test"))));
        var builder = RegistryWebHost.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<IEventStore>(store);
        builder.AddCommands();
        var app = builder.Build();
        app.MapCommands();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var server = new CommandServer(app, store, new HttpClient { BaseAddress = new Uri(address) });
        server.AdminKey = (await ApiKeys.IssueAsync(store, Role.Admin, [], TimeProvider.System, CancellationToken.None)).PresentedKey;
        server.LangSonEditorKey = (await ApiKeys.IssueAsync(store, Role.ProvinceEditor, ["20"], TimeProvider.System, CancellationToken.None)).PresentedKey;
        server.AnalystKey = (await ApiKeys.IssueAsync(store, Role.Analyst, [], TimeProvider.System, CancellationToken.None)).PresentedKey;
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Store.DisposeAsync();
    }
}
