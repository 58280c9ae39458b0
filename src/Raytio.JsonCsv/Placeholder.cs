namespace Raytio.JsonCsv;
