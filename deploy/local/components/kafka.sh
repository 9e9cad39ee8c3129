# Apache Kafka, one KRaft node (broker + controller), from Maven Central jars on the machine's Java 17.
KAFKA_HOME="$LERS_CACHE_DIR/kafka-$KAFKA_VERSION"

kafka_install() {
  [[ -f "$KAFKA_HOME/.complete" ]] && return 0
  command -v java >/dev/null || die "Kafka needs Java 17+ (apt-get install openjdk-17-jre-headless)"
  command -v mvn >/dev/null || die "fetching Kafka needs Maven (apt-get install maven)"
  rm -rf "$KAFKA_HOME" && mkdir -p "$KAFKA_HOME/libs"
  with_progress "downloading Kafka $KAFKA_VERSION jars" \
    mvn -q -B -f "$LERS_REPO_DIR/deploy/local/kafka/pom.xml" dependency:copy-dependencies \
      -DoutputDirectory="$KAFKA_HOME/libs" -DincludeScope=runtime
  touch "$KAFKA_HOME/.complete"
}

kafka_healthy() { port_open "$KAFKA_PORT"; }

kafka_start() {
  local dir="$DATA_DIR/kafka" config="$DATA_DIR/kafka/server.properties"
  mkdir -p "$dir"
  cat >"$config" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/logs
num.partitions=3
offsets.topic.replication.factor=1
offsets.topic.num.partitions=6
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
auto.create.topics.enable=false
group.initial.rebalance.delay.ms=0
PROPS
  local java=(java -Xmx512m -Dlog4j2.configurationFile="$LERS_REPO_DIR/deploy/local/kafka/log4j2.yaml" -cp "$KAFKA_HOME/libs/*")
  if [[ ! -f "$dir/logs/meta.properties" ]]; then
    local cluster_id
    cluster_id=$("${java[@]}" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
    "${java[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$config" --standalone >>"$LOG_DIR/kafka.log" 2>&1 \
      || die "formatting Kafka storage failed: see $LOG_DIR/kafka.log"
  fi
  start_daemon kafka "${java[@]}" kafka.Kafka "$config"
  wait_until 60 "Kafka" kafka_healthy || die "Kafka did not open port $KAFKA_PORT in 60 s: see $LOG_DIR/kafka.log"
}

kafka_stop() { stop_daemon kafka; }
