# Uncaught exception raised with `from`: "The above exception was the direct cause".
class ConfigError(Exception):
    pass

def read_setting(settings, key):
    try:
        return settings[key]
    except KeyError as e:
        raise ConfigError(f"missing setting {key!r}") from e

settings = {"host": "localhost"}
print(read_setting(settings, "host"))
print(read_setting(settings, "port"))
