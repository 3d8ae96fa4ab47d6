using Berth.Client.Http;

namespace Berth.Client;

/// <summary>The Engine API client: one connection pool to the daemon, one sub-client per resource.</summary>
public sealed class BerthClient : IBerthClient
{
    private readonly ApiConnection _connection;

    public BerthClient(DaemonEndpoint endpoint)
    {
        Endpoint = endpoint;
        _connection = new ApiConnection(endpoint);
        Containers = new ContainersClient(_connection);
        Images = new ImagesClient(_connection);
        System = new SystemClient(_connection);
        Exec = new ExecClient(_connection);
        Build = new BuildClient(_connection);
        Volumes = new VolumesClient(_connection);
        Networks = new NetworksClient(_connection);
    }

    public IContainersClient Containers { get; }

    public IImagesClient Images { get; }

    public ISystemClient System { get; }

    public IExecClient Exec { get; }

    public IBuildClient Build { get; }

    public IVolumesClient Volumes { get; }

    public INetworksClient Networks { get; }

    public DaemonEndpoint Endpoint { get; }

    public void Dispose() => _connection.Dispose();
}
