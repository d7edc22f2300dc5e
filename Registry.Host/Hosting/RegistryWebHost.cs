using Microsoft.AspNetCore.Builder;

namespace Registry.Host.Hosting;

/// <summary>
/// The web host every server of the registry starts from. The default content root is the working directory, which
/// configuration watches (recursively) to reload appsettings: started from a folder that also holds a database or a
/// PostgreSQL cluster, the server reads a file-change event for every page they write. The registry is configured by
/// its command line, so the root is the executable's folder and nothing is watched.
/// </summary>
public static class RegistryWebHost
{
    public static WebApplicationBuilder CreateBuilder() => WebApplication.CreateSlimBuilder(new WebApplicationOptions
    {
        ContentRootPath = AppContext.BaseDirectory,
        Args = ["--hostBuilder:reloadConfigOnChange=false"],
    });
}
