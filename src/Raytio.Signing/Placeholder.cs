namespace Raytio.Signing;
