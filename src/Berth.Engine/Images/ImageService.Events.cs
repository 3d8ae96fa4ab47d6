using Berth.Engine.Events;

namespace Berth.Engine.Images;

public sealed partial class ImageService
{
    /// <summary>An image event with the image's labels while its config is still known (dockerd's LogImageEvent).</summary>
    private void PublishImageEvent(string imageId, string name, string action) =>
        _events.PublishImageEvent(imageId, name, action, _configs.GetValueOrDefault(imageId)?.Config?.Labels);

    /// <summary>dockerd reports an untag by the image's ID, once per removed reference.</summary>
    private void PublishUntagEvents(string imageId, int references)
    {
        for (var i = 0; i < references; i++) PublishImageEvent(imageId, imageId, ImageEvents.Untag);
    }
}
