//! Requests as they arrive (checked, with their arguments read by name: a
//! missing or mistyped argument is an error response naming it), and what
//! `initialize` answers.

use serde_json::{json, Value};

/// A request of the client.
pub struct Request {
    pub seq: i64,
    pub command: String,
    pub args: Value,
}

impl Request {
    /// A request from a parsed message, or why it is not one (with its `seq`
    /// and command when they could be read, for the error response).
    pub fn parse(msg: &Value) -> Result<Request, (Option<i64>, String, String)> {
        let seq = msg["seq"].as_i64();
        let command = msg["command"].as_str().unwrap_or("").to_string();
        if !msg.is_object() {
            return Err((None, command, "a message that is not a JSON object".into()));
        }
        match msg["type"].as_str() {
            Some("request") => {}
            Some(t) => {
                return Err((
                    None,
                    command,
                    format!("a message of type '{t}' (only requests are expected)"),
                ))
            }
            None => return Err((seq, command, "a message without a 'type'".into())),
        }
        let Some(seq) = seq else {
            return Err((None, command, "a request without a 'seq' number".into()));
        };
        if command.is_empty() {
            return Err((Some(seq), command, "a request without a 'command'".into()));
        }
        let args = msg.get("arguments").cloned().unwrap_or(Value::Null);
        if !args.is_null() && !args.is_object() {
            return Err((
                Some(seq),
                command,
                "the 'arguments' of a request must be an object".into(),
            ));
        }
        Ok(Request { seq, command, args })
    }

    fn get(&self, name: &str) -> Option<&Value> {
        self.args.get(name).filter(|v| !v.is_null())
    }

    /// A required string argument.
    pub fn str(&self, name: &str) -> Result<&str, String> {
        match self.get(name) {
            None => Err(format!("{}: missing argument '{name}'", self.command)),
            Some(v) => v
                .as_str()
                .ok_or_else(|| format!("{}: argument '{name}' must be a string", self.command)),
        }
    }

    pub fn opt_str(&self, name: &str) -> Result<Option<&str>, String> {
        match self.get(name) {
            None => Ok(None),
            Some(_) => self.str(name).map(Some),
        }
    }

    /// A required integer argument.
    pub fn int(&self, name: &str) -> Result<i64, String> {
        match self.get(name) {
            None => Err(format!("{}: missing argument '{name}'", self.command)),
            Some(v) => v
                .as_i64()
                .ok_or_else(|| format!("{}: argument '{name}' must be an integer", self.command)),
        }
    }

    pub fn opt_int(&self, name: &str) -> Result<Option<i64>, String> {
        match self.get(name) {
            None => Ok(None),
            Some(_) => self.int(name).map(Some),
        }
    }

    pub fn opt_bool(&self, name: &str) -> Result<Option<bool>, String> {
        match self.get(name) {
            None => Ok(None),
            Some(v) => v.as_bool().map(Some).ok_or_else(|| {
                format!("{}: argument '{name}' must be true or false", self.command)
            }),
        }
    }

    /// A required array argument.
    pub fn array(&self, name: &str) -> Result<&Vec<Value>, String> {
        match self.get(name) {
            None => Err(format!("{}: missing argument '{name}'", self.command)),
            Some(v) => v
                .as_array()
                .ok_or_else(|| format!("{}: argument '{name}' must be an array", self.command)),
        }
    }

    pub fn opt_array(&self, name: &str) -> Result<Option<&Vec<Value>>, String> {
        match self.get(name) {
            None => Ok(None),
            Some(_) => self.array(name).map(Some),
        }
    }

    /// A required object argument.
    pub fn object(&self, name: &str) -> Result<&Value, String> {
        match self.get(name) {
            Some(v) if v.is_object() => Ok(v),
            Some(_) => Err(format!(
                "{}: argument '{name}' must be an object",
                self.command
            )),
            None => Err(format!("{}: missing argument '{name}'", self.command)),
        }
    }
}

/// A string field of an argument object (`breakpoints[i].condition`, ...).
pub fn field_str<'a>(v: &'a Value, name: &str) -> Option<&'a str> {
    v.get(name)
        .and_then(|x| x.as_str())
        .filter(|s| !s.is_empty())
}

/// The capabilities `initialize` answers.
pub fn capabilities() -> Value {
    json!({
        "supportsConfigurationDoneRequest": true,
        "supportsStepBack": true,
        "supportsConditionalBreakpoints": true,
        "supportsHitConditionalBreakpoints": true,
        "supportsLogPoints": true,
        "supportsFunctionBreakpoints": true,
        "supportsDataBreakpoints": true,
        "supportsEvaluateForHovers": true,
        "supportsExceptionInfoRequest": true,
        "supportsGotoTargetsRequest": true,
        "supportsSetVariable": false,
        "supportsRestartRequest": true,
        "supportsSteppingGranularity": true,
        "supportsExceptionFilterOptions": true,
        "supportsTerminateRequest": false,
        "supportsDelayedStackTraceLoading": false,
        "exceptionBreakpointFilters": [
            {
                "filter": "raised",
                "label": "Raised Exceptions",
                "description": "Stop where an exception is raised, forward or backward",
                "default": false,
                "supportsCondition": true,
                "conditionDescription": "Exception class names, separated by spaces (a class or any of its bases)"
            },
            {
                "filter": "uncaught",
                "label": "Uncaught Exceptions",
                "description": "Stop where the exception that ends the program is raised",
                "default": false
            }
        ]
    })
}
